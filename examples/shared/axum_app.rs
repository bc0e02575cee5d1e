//! The demo's axum layer: routes [`scenario::Route::ALL`] to the framework-free
//! [`scenario`] functions and turns each [`Outcome`] into a response — errors through
//! the crate's `IntoResponse` impls, successes through [`Success::to_response`].
//!
//! Shared by `examples/demo_server.rs` and `tests/demo_server.rs`, so the tests serve the
//! exact router the example runs.

#![allow(dead_code)]

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, on};
use http::Uri;
use http::header::CONTENT_LENGTH;

use crate::scenario::{self, Config, MAX_BODY_BYTES, Outcome, Route, Success};

/// The demo's router: the six routes, a JSON 404 for unknown paths and a JSON 405 (with
/// the crate's `Allow` header) for wrong methods.
pub fn app(config: Config) -> Router {
    let config = Arc::new(config);
    let mut router = Router::new();
    for route in Route::ALL {
        let Ok(filter) = MethodFilter::try_from(route.method()) else { continue };
        let config = Arc::clone(&config);
        router = router
            .route(route.path(), on(filter, move |request: Request| serve(route, config, request)));
    }
    router.fallback(|| async { respond(scenario::not_found()) }).method_not_allowed_fallback(
        |uri: Uri| async move {
            // The crate's `Allow` (axum keeps an `Allow` the response already has).
            respond(match Route::from_path(uri.path()) {
                Some(route) => scenario::method_not_allowed(route),
                None => scenario::not_found(),
            })
        },
    )
}

async fn serve(route: Route, config: Arc<Config>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = if route.reads_body() {
        let declared = parts
            .headers
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
            return respond(scenario::body_too_large(route));
        }
        match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
            Ok(bytes) => bytes,
            // `to_bytes` reports the limit as "length limit exceeded" (http-body-util's
            // `LengthLimitError`, which this crate cannot name without a dependency).
            Err(e) if e.to_string().contains("length limit exceeded") => {
                return respond(scenario::body_too_large(route));
            }
            Err(_) => return respond(scenario::body_unreadable(route)),
        }
    } else {
        Default::default()
    };
    let req = scenario::Request {
        method: &parts.method,
        headers: &parts.headers,
        query: parts.uri.query(),
        body: &body,
    };
    respond(scenario::handle(route, &config, &req))
}

/// Converts an outcome: every error goes through the crate's `IntoResponse`.
pub fn respond(outcome: Outcome) -> Response {
    match outcome {
        Outcome::Success(success) => success_response(&success),
        Outcome::Error(e) | Outcome::Direct(e) => e.into_response(),
        Outcome::Authorize(e) => e.into_response(),
        Outcome::AuthRequired(a) => a.into_response(),
        Outcome::Rejected(r) => r.into_response(),
    }
}

fn success_response(success: &Success) -> Response {
    success.to_response().map(Body::from)
}
