//! The portfolio file natively: export and import of a heavy work map (3 years: 20
//! self-tests, 1,000 activity entries), plain and with a passphrase (Argon2id with the app's
//! real parameters dominates that case). The browser's figures come from
//! `tests/e2e/measure-portfolio.mjs`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use time::macros::datetime;
use werkmap::core::content::Content;
use werkmap::core::portfolio::sample::{SamplePeople, Size};
use werkmap::core::portfolio::{encrypt, export, open, ExportChoices};

fn heavy(c: &mut Criterion) {
    let content = Content::bundled().expect("bundled content");
    let now = datetime!(2026-12-01 10:00:00 +01:00);
    let state = SamplePeople::new(&content, &[], 3).state(0, Size::HEAVY, now);
    let choices = ExportChoices::everything(Some("Zware werkmap"));
    let text = export(&state, None, &choices, now);
    let sealed =
        encrypt(&text, "een lange zin als wachtwoord", [1; 16], [2; 24]).expect("encrypts");
    println!(
        "heavy work map: {} self-tests, {} activities; file {:.0} KiB plain, {:.0} KiB encrypted",
        state.history.len(),
        state.activities.entries.len(),
        text.len() as f64 / 1024.0,
        sealed.len() as f64 / 1024.0
    );

    let mut group = c.benchmark_group("portfolio_heavy");
    group.bench_function("export", |b| {
        b.iter(|| export(black_box(&state), None, &choices, now))
    });
    group.bench_function("import", |b| {
        b.iter(|| open(black_box(text.as_bytes()), None).expect("opens"))
    });
    group.sample_size(10);
    group.bench_function("export_encrypted", |b| {
        b.iter(|| {
            let text = export(black_box(&state), None, &choices, now);
            encrypt(&text, "een lange zin als wachtwoord", [1; 16], [2; 24]).expect("encrypts")
        })
    });
    group.bench_function("import_encrypted", |b| {
        b.iter(|| {
            open(
                black_box(sealed.as_bytes()),
                Some("een lange zin als wachtwoord"),
            )
            .expect("opens")
        })
    });
    group.finish();
}

criterion_group!(benches, heavy);
criterion_main!(benches);
