//! The `log` feature: one record per rendered error, like the `tracing` event.

use http::StatusCode;

use crate::taxonomy::endpoint::Endpoint;
use crate::wire::error::ErrorResponse;

/// One record per rendered error (feature `log`, target `oauth_errors`), with the same
/// fields and levels as the `tracing` event: `status` is the status sent and
/// `error_status` the error's own (they differ for a redirected authorization error);
/// `Error` when either is 5xx, `Warn` when the response lacks something its code needs
/// (`warning`), `Debug` otherwise. The message carries the code, both statuses, the
/// endpoint, the description and the internal cause with its `source()` chain; the cause
/// is only ever logged.
pub(crate) fn log(
    err: &ErrorResponse,
    endpoint: Endpoint,
    sent: StatusCode,
    own: StatusCode,
    warning: Option<&'static str>,
) {
    let level = if own.is_server_error() || sent.is_server_error() {
        log::Level::Error
    } else if warning.is_some() {
        log::Level::Warn
    } else {
        log::Level::Debug
    };
    if !log::log_enabled!(target: "oauth_errors", level) {
        return;
    }
    let mut cause = String::new();
    let mut next = err.cause().map(|c| c as &(dyn std::error::Error + 'static));
    while let Some(c) = next {
        if !cause.is_empty() {
            cause.push_str(": ");
        }
        cause.push_str(&c.to_string());
        next = c.source();
    }
    let description = err.description().map_or("", |d| d.as_str());
    log::log!(
        target: "oauth_errors",
        level,
        "OAuth error response error={} status={} error_status={} endpoint={} description={:?} cause={:?}{}{}",
        err.code().as_str(),
        sent.as_u16(),
        own.as_u16(),
        endpoint.as_str(),
        description,
        cause,
        if warning.is_some() { " warning=" } else { "" },
        warning.map(|w| format!("{w:?}")).unwrap_or_default(),
    );
}
