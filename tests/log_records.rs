//! The `log` feature: one record per rendered error, target `oauth_errors`, like the
//! `tracing` event — `Error` for 5xx with the internal cause and its `source()` chain,
//! `Warn` when the response lacks what its code needs, `Debug` for everything else, the
//! status sent and the error's own; nothing for `to_body()` or `resolve_status()`; the
//! cause never reaches the wire.
//!
//! One capturing logger is installed for the process; each test reads only the records
//! of its own thread, and only those of the `log` feature (with `--all-features`,
//! `tracing`'s `log` compatibility may forward the `tracing` feature's event too).

#![cfg(feature = "log")]

use std::cell::RefCell;
use std::sync::Once;

use oauth_errors::authorize::{AuthorizationError, verify_redirect_uri};
use oauth_errors::{Endpoint, OAuthError};

thread_local! {
    static RECORDS: RefCell<Vec<(log::Level, String, String)>> = const { RefCell::new(Vec::new()) };
}

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        // With `--all-features`, tracing's own `log` compatibility may forward the
        // `tracing` feature's event as a record too: keep only this feature's records.
        if record.module_path() != Some("oauth_errors::render::log") {
            return;
        }
        RECORDS.with(|r| {
            r.borrow_mut().push((
                record.level(),
                record.target().to_owned(),
                record.args().to_string(),
            ))
        });
    }
    fn flush(&self) {}
}

fn records(f: impl FnOnce()) -> Vec<(log::Level, String, String)> {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        log::set_logger(&Capture).expect("one logger");
        log::set_max_level(log::LevelFilter::Trace);
    });
    RECORDS.with(|r| r.borrow_mut().clear());
    f();
    RECORDS.with(|r| r.borrow_mut().drain(..).collect())
}

#[derive(Debug, thiserror::Error)]
#[error("query failed")]
struct Query(#[source] std::io::Error);

#[test]
fn server_errors_are_logged_at_error_with_the_cause_chain() {
    let err = OAuthError::ServerError
        .with_description("try later")
        .with_cause(Query(std::io::Error::other("connection refused")));
    let got = records(|| {
        let r = err.to_response(Endpoint::Token);
        assert_eq!(
            r.body().as_ref(),
            br#"{"error":"server_error","error_description":"try later"}"#
        );
    });
    assert_eq!(
        got,
        [(
            log::Level::Error,
            "oauth_errors".to_owned(),
            r#"OAuth error response error=server_error status=500 error_status=500 endpoint=token description="try later" cause="query failed: connection refused""#
                .to_owned()
        )]
    );
}

#[test]
fn client_errors_are_logged_at_debug() {
    let got = records(|| drop(OAuthError::InvalidGrant.to_response(Endpoint::Token)));
    assert_eq!(
        got,
        [(
            log::Level::Debug,
            "oauth_errors".to_owned(),
            r#"OAuth error response error=invalid_grant status=400 error_status=400 endpoint=token description="" cause="""#
                .to_owned()
        )]
    );
}

#[test]
fn redirected_errors_are_logged_at_their_own_level() {
    let uri = verify_redirect_uri(None, &["https://client.example.com/cb"]).unwrap();
    let err = AuthorizationError::new(OAuthError::ServerError, uri);
    let got = records(|| assert_eq!(err.to_response().status(), 303));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, log::Level::Error);
    assert!(
        got[0].2.contains("error=server_error status=303 error_status=500 endpoint=authorization"),
        "{got:?}"
    );
}

#[test]
fn reading_an_error_logs_nothing() {
    let err = OAuthError::ServerError.with_cause(std::io::Error::other("x"));
    let got = records(|| {
        let _ = err.to_body();
        let _ = err.resolve_status(Endpoint::Token);
        let _ = err.report();
    });
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn incomplete_responses_are_logged_at_warn() {
    let got = records(|| drop(OAuthError::UseDpopNonce.to_response(Endpoint::Token)));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, log::Level::Warn);
    assert_eq!(
        got[0].2,
        r#"OAuth error response error=use_dpop_nonce status=400 error_status=400 endpoint=token description="" cause="" warning="use_dpop_nonce sent without a DPoP-Nonce header: build it with ErrorResponse::use_dpop_nonce (RFC 9449 §8, §9)""#
    );
}
