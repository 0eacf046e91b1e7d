//! Native benchmarks of the self-test core: loading the bundled content, scoring a full set
//! of answers (this runs on every answer change in the UI), and restoring stored state.
//! Run with `cargo bench --bench selftest`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use time::macros::datetime;
use werkmap::core::selftest::{Answer, Answers, SelfTest};
use werkmap::core::storage::{parse_state, AppState};

fn full_answers(selftest: &SelfTest) -> Answers {
    let mut answers = Answers::new();
    for question in selftest.questionnaire.questions() {
        let answer = match question.options.first() {
            Some(option) => Answer::Chosen(vec![option.id.clone()]),
            None => Answer::Text("3511".into()),
        };
        // Every question has a valid first option or is the postcode question.
        let _ = answers.set(&selftest.questionnaire, &question.id, answer);
    }
    answers
}

fn benches(c: &mut Criterion) {
    c.bench_function("selftest_load_bundled", |b| {
        b.iter(|| SelfTest::bundled().map(|s| s.rules.version))
    });

    let Ok(selftest) = SelfTest::bundled() else {
        panic!("bundled self-test must load");
    };
    let answers = full_answers(&selftest);
    c.bench_function("selftest_score_full", |b| {
        b.iter(|| selftest.score(black_box(&answers)))
    });

    let mut state = AppState {
        answers: answers.clone(),
        ..AppState::default()
    };
    // A long history: a weekly self-test for two years.
    for week in 0..104i64 {
        state.complete_selftest(
            &selftest,
            datetime!(2025-01-06 10:00 UTC) + time::Duration::weeks(week),
        );
    }
    let Ok(stored) = serde_json::to_string(&state) else {
        panic!("state serialises");
    };
    c.bench_function("storage_restore_104_tests", |b| {
        b.iter(|| parse_state(black_box(&stored)))
    });
}

criterion_group!(selftest_benches, benches);
criterion_main!(selftest_benches);
