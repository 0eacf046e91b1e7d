#![forbid(unsafe_code)]
//! `werkmap`: the command-line tool for loket staff and integrators, on the same core as the
//! app. Its subcommands (occupations, vacancies, match, portfolio) arrive with later work;
//! `selftest check` validates the bundled self-test content.

use std::process::ExitCode;

use werkmap::core::selftest::SelfTest;

const USAGE: &str = "\
werkmap — command-line tool of the Werkmap app

Usage:
  werkmap selftest check     check the bundled self-test questions and rules
  werkmap --version
  werkmap help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["selftest", "check"] => match SelfTest::bundled() {
            Ok(selftest) => {
                let questions = selftest.questionnaire.questions().count();
                println!(
                    "self-test content is valid: {} topics, {questions} questions, rules version {}",
                    selftest.questionnaire.topics.len(),
                    selftest.rules.version
                );
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        },
        ["--version"] => {
            println!("werkmap {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        [] | ["help"] | ["--help"] | ["-h"] => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("unknown command\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
