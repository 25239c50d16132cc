use super::*;

#[test]
fn results_come_in_input_order_whatever_the_threads() {
    for threads in [1, 2, 4] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let cancel = AtomicBool::new(false);
        let mut got = Vec::new();
        let r: Result<(), Stop<()>> = ordered(
            &pool,
            0..500u64,
            8,
            usize::MAX,
            &cancel,
            |i| {
                // Uneven work: every seventh item is slow.
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i * 2
            },
            |_| 1,
            |o| {
                got.push(o);
                Ok(())
            },
        );
        assert!(r.is_ok());
        assert_eq!(got, (0..500).map(|i| i * 2).collect::<Vec<_>>());
    }
}

#[test]
fn a_failing_writer_stops_the_run() {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let cancel = AtomicBool::new(false);
    let mut seen = 0;
    let r = ordered(
        &pool,
        0..100_000u64,
        4,
        usize::MAX,
        &cancel,
        |i| i,
        |_| 1,
        |i| {
            seen += 1;
            if i == 10 { Err("disk full") } else { Ok(()) }
        },
    );
    assert!(matches!(r, Err(Stop::Failed("disk full"))));
    assert_eq!(seen, 11);
}
