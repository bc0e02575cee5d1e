//! The property tests' configuration, shared by every test file that has properties.

use proptest::prelude::ProptestConfig;

/// 10,000 cases per property, unless `PROPTEST_CASES` says otherwise (CI runs the full
/// count with all features and fewer in its one-feature runs); no failure files.
pub fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}
