//! The small closed word classes the miners look for around a name. They
//! are grammar, not names, so they live here rather than in `rules/`:
//! what a company is called (`hãng`), what a company does as a subject
//! (`ra mắt`), the auxiliaries between a subject and its verb, the words
//! that put a name in a place (`tại`, `người`), and the legal forms a
//! company name starts with.

use super::lexicons::PhraseList;

/// Words that class the name after them as a company or brand (lower
/// case, or an acronym such as `CEO`).
const COMPANY_CLASSIFIERS: &[&str] = &[
    "hãng",
    "hãng xe",
    "hãng hàng không",
    "hãng bay",
    "hãng sản xuất",
    "hãng điện thoại",
    "hãng công nghệ",
    "hãng dược",
    "hãng thời trang",
    "tập đoàn",
    "công ty",
    "tổng công ty",
    "thương hiệu",
    "nhãn hàng",
    "nhãn hiệu",
    "doanh nghiệp",
    "nhà mạng",
    "ngân hàng",
    "nhà sản xuất",
    "nhà bán lẻ",
    "chuỗi",
    "ông lớn",
    "gã khổng lồ",
    "startup",
    "mạng xã hội",
    "hệ thống siêu thị",
    "siêu thị",
    "nhà cung cấp",
    "ceo",
    "nhà sáng lập",
    "đồng sáng lập",
];

/// Capitalised heads of a company name (`Công ty`, `Tập đoàn`).
const COMPANY_HEADS: &[&str] = &[
    "công ty",
    "tổng công ty",
    "tập đoàn",
    "ngân hàng",
    "hãng",
    "công ty cổ phần",
    "công ty tnhh",
    "công ty cp",
];

/// Legal forms at the start of a company's name, skipped to reach the
/// name proper (`Công ty TNHH Samsung` → `Samsung`).
const LEGAL_FORMS: &[&str] = &[
    "tnhh",
    "cp",
    "cổ phần",
    "mtv",
    "tnhh mtv",
    "trách nhiệm hữu hạn",
    "một thành viên",
    "jsc",
    "tập đoàn",
];

/// What a company does as the subject of a sentence.
const ACTOR_VERBS: &[&str] = &[
    "cho biết",
    "công bố",
    "ra mắt",
    "thông báo",
    "giới thiệu",
    "tung ra",
    "phát hành",
    "sản xuất",
    "cung cấp",
    "triển khai",
    "đầu tư",
    "mua lại",
    "ký kết",
    "xác nhận",
    "tuyên bố",
    "báo lãi",
    "niêm yết",
    "bán ra",
    "xuất khẩu",
    "phân phối",
    "thâu tóm",
    "sở hữu",
    "phát triển",
    "đạt",
    "ghi nhận",
    "dẫn đầu",
    "chiếm",
    "lên tiếng",
    "khẳng định",
    "hợp tác",
];

/// Words between a subject and its verb.
const AUXILIARIES: &[&str] = &[
    "vừa", "đã", "cũng", "sẽ", "đang", "mới", "còn", "hiện", "chính", "thức", "vẫn", "liên", "tục",
    "gần", "đây", "từng",
];

/// Lower-case words that put the capitalised name after them in a place.
const PLACE_CUES: &[&str] = &[
    "tại",
    "ở",
    "nước",
    "người",
    "tiếng",
    "sang",
    "thủ đô",
    "đảo",
    "miền",
    "vùng",
    "xứ",
    "bang",
    "châu",
    "đất nước",
    "quốc gia",
];

/// Lower-case words that class the capitalised name after them as no
/// person: a show, an app or service, a group, a martial art, a team, a
/// venue, a vessel, a medium (`cuộc thi The Voice`, `ứng dụng Grab`, `nhóm
/// khủng bố Al-Qaeda`, `môn võ Vịnh Xuân`, `sân Philippe Chatrier`). A
/// name a profession or title cues now and then (`HLV The Voice`, `tài
/// xế Grab`, `võ sư Vịnh Xuân`, `thủ lĩnh Al-Qaeda`) but that these class
/// about as often is no person's name. Not words that name a person's
/// team or works (`đội Minh Tú` in a show, `phim Kim Dung`, `ca khúc
/// Trịnh Công Sơn`).
const NON_PERSON_CLASSIFIERS: &[&str] = &[
    "cuộc thi",
    "chương trình",
    "gameshow",
    "game show",
    "show",
    "truyền hình thực tế",
    "mùa giải",
    "ứng dụng",
    "app",
    "dịch vụ",
    "nền tảng",
    "xe",
    "tổ chức",
    "nhóm",
    "khủng bố",
    "phiến quân",
    "lực lượng",
    "mạng lưới",
    "môn võ",
    "võ",
    "môn phái",
    "võ phái",
    "phái",
    "võ đường",
    "câu lạc bộ",
    "clb",
    "sân",
    "sân vận động",
    "tàu",
    "chiến hạm",
    "khu trục hạm",
    "tàu sân bay",
    "giải",
    "giải đấu",
    "kênh",
    "tạp chí",
    "báo",
    "trang",
];

/// Function words that never continue an organisation's name in lower
/// case: prepositions, auxiliaries, the copula (`X của Y`, `X thuộc Y`,
/// `X về công tác`, `X đã`). A name ends before them.
pub const NEVER_IN_NAMES: &[&str] = &[
    "của", "cho", "với", "tại", "ở", "là", "được", "bị", "đã", "đang", "sẽ", "cũng", "vừa", "mới",
    "còn", "làm", "ra", "về", "thuộc", "như", "khi", "nếu", "nhưng", "mà", "thì", "có", "không",
    "này", "đó", "kiêm",
];

/// Lower-case words after which a name ends a unit's name badly: a name
/// learned from a tail that ends on one of these was cut, not finished.
pub const UNFINISHED_ENDINGS: &[&str] = &[
    "và", "của", "các", "cho", "với", "tại", "ở", "về", "trong", "-", "–", ",", "&", "những",
    "thuộc", "là", "có",
];

pub struct Cues {
    pub company_classifiers: PhraseList,
    pub company_heads: PhraseList,
    pub legal_forms: PhraseList,
    pub actor_verbs: PhraseList,
    pub auxiliaries: PhraseList,
    pub place_cues: PhraseList,
    pub non_person_classifiers: PhraseList,
}

impl Default for Cues {
    fn default() -> Self {
        Cues {
            company_classifiers: PhraseList::new(COMPANY_CLASSIFIERS.iter().copied()),
            company_heads: PhraseList::new(COMPANY_HEADS.iter().copied()),
            legal_forms: PhraseList::new(LEGAL_FORMS.iter().copied()),
            actor_verbs: PhraseList::new(ACTOR_VERBS.iter().copied()),
            auxiliaries: PhraseList::new(AUXILIARIES.iter().copied()),
            place_cues: PhraseList::new(PLACE_CUES.iter().copied()),
            non_person_classifiers: PhraseList::new(NON_PERSON_CLASSIFIERS.iter().copied()),
        }
    }
}
