//! Records files of any bytes, in both layouts, with crawler field names
//! (HTML inside text fields included): never a panic, records in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnextract::input::records::{Layout, RecordFields, parse_record, read_all};

fuzz_target!(|bytes: &[u8]| {
    let fields = RecordFields {
        id: "meta.id".into(),
        text: vec!["title".into(), "sapo".into(), "body".into()],
        date: "published".into(),
        title: "title".into(),
    };
    for layout in [Layout::Lines, Layout::Json] {
        let mut last_line = 0;
        for (line, raw) in read_all(bytes, layout) {
            assert!(line >= last_line);
            last_line = line;
            if let Ok(text) = raw {
                if let Ok(doc) = parse_record(&text, &fields, "x") {
                    assert!(!doc.text.trim().is_empty());
                }
            }
        }
    }
});
