//! Metadata lines and date values: never a panic; what is split off is a
//! suffix of the text; a date given back is a real day in range.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnextract::input::dates::parse_date;
use vnextract::input::split_metadata;

fuzz_target!(|text: &str| {
    let (meta, rest) = split_metadata(text);
    assert!(text.ends_with(rest));
    for d in meta.date.iter().chain(parse_date(text).ok().iter()) {
        assert_eq!(d.len(), 10, "{d}");
        let year: i32 = d[..4].parse().unwrap();
        assert!(vnextract::input::dates::YEARS.contains(&year), "{d}");
        assert_eq!(parse_date(d).as_deref(), Ok(d.as_str()));
    }
});
