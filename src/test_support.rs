//! What the library's own unit tests share.

use proptest::prelude::ProptestConfig;

/// 10,000 cases per property, unless `PROPTEST_CASES` says otherwise (as in the
/// integration tests' `tests/support/proptest_config.rs`); no failure files.
pub(crate) fn proptest_config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}
