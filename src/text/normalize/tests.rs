use super::*;

#[test]
fn plain_text_maps_one_to_one() {
    let t = Text::new("Ngày 04/11, Đảng ủy");
    assert_eq!(t.work, "Ngày 04/11, Đảng ủy");
    let b = t.work.find("Đảng").unwrap();
    assert_eq!(t.original_span(b, t.work.len()), (12, 19));
}

#[test]
fn old_tone_placement_is_folded() {
    let t = Text::new("Thanh Hoá, thuỷ sản, quý 4, UỶ BAN, toàn");
    assert_eq!(t.work, "Thanh Hóa, thủy sản, quý 4, ỦY BAN, toàn");
}

#[test]
fn decomposed_input_is_composed_and_mapped_back() {
    // "Hòa" written with a combining grave accent: 4 code points.
    let original = "ở Ho\u{300}a Bình";
    let t = Text::new(original);
    assert_eq!(t.work, "ở Hòa Bình");
    let b = t.work.find("Hòa").unwrap();
    let e = t.work.len();
    let (s, en) = t.original_span(b, e);
    assert_eq!((s, en), (2, 11));
    assert_eq!(t.original_text(s, en), "Hòa Bình");
}

#[test]
fn invisible_characters_and_odd_spaces() {
    let t = Text::new("Bộ\u{00A0}Công\u{200B} an\r\nHà Nội");
    assert_eq!(t.work, "Bộ Công an\nHà Nội");
    let b = t.work.find("Công").unwrap();
    let e = b + "Công".len();
    let (s, en) = t.original_span(b, e);
    assert_eq!(t.original_text(s, en), "Công");
}

#[test]
fn composed_ranges_are_nfc() {
    use unicode_normalization::char::canonical_combining_class;
    let ranges = [
        '\0'..='\u{2ff}',
        '\u{1e00}'..='\u{1eff}',
        '\u{2000}'..='\u{206f}',
    ];
    for c in ranges.into_iter().flatten().chain(['\u{feff}']) {
        assert!(
            !is_composed_already(c) || canonical_combining_class(c) == 0,
            "{c:?}"
        );
        let s = c.to_string();
        if is_composed_already(c) {
            assert_eq!(s.nfc().collect::<String>(), s, "{c:?}");
        }
    }
}

fn same_as_table(original: &str) {
    let fast = Text::one_to_one(original);
    let table = Text::by_table(original);
    let Some(fast) = fast else { return };
    assert_eq!(fast.work, table.work, "{original:?}");
    assert_eq!(fast.lower, table.lower);
    let bounds: Vec<usize> = (0..=fast.work.len())
        .filter(|&b| fast.work.is_char_boundary(b))
        .collect();
    for &a in &bounds {
        for &b in bounds.iter().filter(|&&b| b >= a) {
            let (s, e) = fast.original_span(a, b);
            assert_eq!((s, e), table.original_span(a, b), "{original:?} {a}..{b}");
            assert_eq!(fast.original_text(s, e), table.original_text(s, e));
        }
    }
}

#[test]
fn one_to_one_map_agrees_with_the_table() {
    same_as_table("Thanh Hoá,\tthuỷ\u{a0}sản\rxong\u{2028}Hoà Bình quý");
    same_as_table(&"Ông Lê Văn Nghĩa hoà giải. ".repeat(12));
    same_as_table("");
}

proptest::proptest! {
    #[test]
    fn one_to_one_map_agrees_on_any_text(s in "[a-cOoUuàáỷyọ \t\u{a0}\n\r\u{2028}đẠ.]{0,150}") {
        same_as_table(&s);
    }
}

#[test]
fn lower_keeps_byte_offsets() {
    let t = Text::new("ĐẢNG ỦY Thành Phố İstanbul");
    assert_eq!(t.lower.len(), t.work.len());
    assert!(t.lower.starts_with("đảng ủy thành phố"));
}
