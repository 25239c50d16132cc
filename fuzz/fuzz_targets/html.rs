//! Any bytes as a web page: decoded, parsed, text, title and date read.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(doc) = vnextract::input::html_document("p", "p.html", bytes) {
        assert!(!doc.text.contains("\n\n"));
        if let Some(d) = &doc.date {
            assert_eq!(d.len(), 10);
        }
    }
});
