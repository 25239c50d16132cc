//! Any bytes as a file: decode (UTF-8/16/32, legacy Vietnamese), metadata
//! lines, then the whole engine. Offsets must point into the text as read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use vnextract::{Engine, Options, RuleSources};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(&RuleSources::embedded(), Options::default()).unwrap())
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(doc) = vnextract::input::document_from_bytes("f", "f.txt", bytes) else {
        return;
    };
    let article = engine().process(&doc);
    let chars: Vec<char> = doc.text.chars().collect();
    for e in &article.entities {
        assert!(e.start <= e.end && e.end <= chars.len(), "{e:?}");
        let slice: String = chars[e.start..e.end]
            .iter()
            .collect::<String>()
            .nfc()
            .collect();
        assert_eq!(slice, e.text, "{e:?}");
    }
});
