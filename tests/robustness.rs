//! Bad or odd input never crashes extraction and never produces offsets
//! that do not point into the text: property tests over random texts made
//! of the pieces Vietnamese news is made of (and some it should not be).

use proptest::prelude::*;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use vnextract::{Document, Engine, Options, RuleSources};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&RuleSources::embedded(), Options::default()).unwrap())
}

/// Fragments that trigger every extractor, and characters that stress the
/// normaliser: combining marks, odd spaces, invisible characters, CR.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Ngày ".to_string()),
        Just("19/6/2020".to_string()),
        Just("04/11".to_string()),
        Just("quý IV/2022".to_string()),
        Just("tháng 10 năm 2018".to_string()),
        Just("Nghị quyết số 35-NQ/TW".to_string()),
        Just(" ngày 22/10/2018 của Bộ Chính trị khóa XII về ".to_string()),
        Just("“Tăng cường”".to_string()),
        Just("Thông tư 64/2017/TT-BCA".to_string()),
        Just("Luật An ninh mạng năm 2018".to_string()),
        Just("ông Nguyễn Văn An".to_string()),
        Just("bà Mão".to_string()),
        Just("H.T.P.".to_string()),
        Just("Phó Bí thư Đảng ủy CQCQ".to_string()),
        Just("Trưởng Phòng Nội vụ TP Thủ Đức".to_string()),
        Just("Ủy ban nhân dân (UBND) tỉnh Thanh Hóa".to_string()),
        Just("UBND TP.HCM".to_string()),
        Just("Thượng tướng Tô Lâm".to_string()),
        Just("Ho\u{300}a Bi\u{300}nh".to_string()),
        Just("thuỷ ".to_string()),
        Just("\u{301}\u{323}".to_string()),
        Just("\u{200B}\u{FEFF}\u{00AD}".to_string()),
        Just("\u{00A0}\u{2003}\t".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(" - ".to_string()),
        "[\\p{L}\\p{N}\\p{P}\\p{Z}\\p{M}]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_and_offsets_hold(text in article(), dated in any::<bool>()) {
        let doc = Document {
            id: "p".into(),
            text: text.clone(),
            date: dated.then(|| "2020-07-01".to_string()),
            ..Document::default()
        };
        let a = engine().process(&doc);
        let chars: Vec<char> = text.chars().collect();
        for e in &a.entities {
            prop_assert!(e.start < e.end && e.end <= chars.len(), "{e:?}");
            let slice: String = chars[e.start..e.end].iter().collect::<String>().nfc().collect();
            prop_assert_eq!(&slice, &e.text);
            prop_assert!(e.sentence < a.sentences.len().max(1));
        }
        // The same input always gives the same output.
        let again = engine().process(&doc);
        prop_assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }

    #[test]
    fn stream_lines_of_any_bytes_get_an_answer(line in "\\PC{0,200}") {
        let out = vnextract::stream::process_line(engine(), 1, &line);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        prop_assert!(v.get("error").is_some() || v.get("entities").is_some());
    }

    #[test]
    fn any_file_bytes_are_read_or_refused_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        match vnextract::input::document_from_bytes("f", "f.txt", &bytes) {
            Ok(doc) => {
                let a = engine().process(&doc);
                prop_assert_eq!(a.id, "f");
            }
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }
}
