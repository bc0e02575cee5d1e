//! The demo's actix-web 4 layer: routes [`scenario::Route::ALL`] to the framework-free
//! [`scenario`] functions and turns each [`Outcome`] into a response — errors through the
//! crate's actix-web impls, successes through [`Success::to_response`].
//!
//! It answers exactly like the axum layer (`axum_app.rs`), which `tests/actix_server.rs`
//! checks byte for byte:
//!
//! * each route is a `web::resource` answering its one method (`GET` routes also `HEAD`,
//!   as axum does); a wrong method reaches the resource's default service: 405
//!   `method_not_allowed` with an `Allow` header built from the route table through
//!   [`ErrorResponse::with_allow`];
//! * any other path reaches the app's default service: 404 `not_found`;
//! * actix-web matches resources against a partly percent-decoded path (`/%74oken` would
//!   match `/token`), axum against the raw path; a guard on the raw path keeps the two
//!   identical;
//! * bodies are read here, up to [`MAX_BODY_BYTES`] (actix-web's `Bytes` extractor stops
//!   at 256 KiB, with its own plain-text 413): a larger declared or streamed body is the
//!   scenario's JSON 413;
//! * `POST /token` returns `Result<HttpResponse, ErrorResponse>`, so its JSON errors go
//!   through `ResponseError::error_response()`; every other route returns the outcome's
//!   `Responder`.
//!
//! Shared by `examples/actix_server.rs` and `tests/actix_server.rs`, so the tests serve
//! the exact app the example runs.

#![allow(dead_code)]

use std::sync::Arc;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode as ActixStatus;
use actix_web::http::header::{CONTENT_LENGTH, HeaderName, HeaderValue};
use actix_web::{App, Error, HttpRequest, HttpResponse, Responder, guard, web};
use bytes::Bytes;
use http::Method;
use oauth_errors::ErrorResponse;

use crate::scenario::{self, Config, MAX_BODY_BYTES, Outcome, Route, Success};

/// The demo's app: the six routes, a JSON 404 for unknown paths and a JSON 405 (with
/// `Allow`) for wrong methods. Call it from the `HttpServer::new` factory (once per
/// worker).
pub fn app(
    config: Arc<Config>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    let mut app = App::new().app_data(web::Data::from(config));
    for route in Route::ALL {
        let path = route.path();
        let mut resource = web::resource(path)
            .guard(guard::fn_guard(move |ctx| ctx.head().uri.path() == path))
            .default_service(web::to(move |req: HttpRequest| async move {
                method_not_allowed(route, &req)
            }));
        resource = if route == Route::Token {
            resource.route(web::post().to(token))
        } else {
            let handler =
                move |req: HttpRequest, payload: web::Payload, config: web::Data<Config>| {
                    serve(route, req, payload, config)
                };
            let mut resource = resource.route(web::route().guard(method_guard(route)).to(handler));
            if route.method() == Method::GET {
                resource = resource.route(web::head().to(handler));
            }
            resource
        };
        app = app.service(resource);
    }
    app.default_service(web::to(
        |req: HttpRequest| async move { respond(scenario::not_found(), &req) },
    ))
}

/// 405 with `Allow` from the route table, through the crate's `Responder`.
fn method_not_allowed(route: Route, req: &HttpRequest) -> HttpResponse {
    respond(scenario::method_not_allowed(route), req)
}

fn method_guard(route: Route) -> impl guard::Guard {
    let method = route.method();
    guard::fn_guard(move |ctx| ctx.head().method.as_str() == method.as_str())
}

/// `POST /token`: JSON errors are returned as `Err(ErrorResponse)`, which actix-web
/// renders with `ResponseError::error_response()`.
async fn token(
    req: HttpRequest,
    payload: web::Payload,
    config: web::Data<Config>,
) -> Result<HttpResponse, ErrorResponse> {
    let outcome = match read_body(Route::Token, &req, payload).await {
        Ok(body) => handle(Route::Token, &config, &req, &body),
        Err(outcome) => outcome,
    };
    match outcome {
        Outcome::Error(e) | Outcome::Direct(e) => Err(e),
        other => Ok(respond(other, &req)),
    }
}

/// Every other route: the outcome's `Responder`.
async fn serve(
    route: Route,
    req: HttpRequest,
    payload: web::Payload,
    config: web::Data<Config>,
) -> HttpResponse {
    let body = if route.reads_body() {
        match read_body(route, &req, payload).await {
            Ok(body) => body,
            Err(outcome) => return respond(outcome, &req),
        }
    } else {
        Bytes::new()
    };
    respond(handle(route, &config, &req, &body), &req)
}

/// Reads at most [`MAX_BODY_BYTES`]: a larger declared `Content-Length` is refused before
/// reading, a larger streamed (chunked) body as soon as it passes the limit.
async fn read_body(
    route: Route,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Bytes, Outcome> {
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(scenario::body_too_large(route));
    }
    match payload.to_bytes_limited(MAX_BODY_BYTES).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(_)) => Err(scenario::body_unreadable(route)),
        Err(_limit_exceeded) => Err(scenario::body_too_large(route)),
    }
}

/// Builds the scenario's request (`http` 1 types; actix-web 4 uses `http` 0.2) and runs
/// the route.
fn handle(route: Route, config: &Config, req: &HttpRequest, body: &[u8]) -> Outcome {
    let method = Method::from_bytes(req.method().as_str().as_bytes()).unwrap_or_default();
    let mut headers = http::HeaderMap::with_capacity(req.headers().len());
    for (name, value) in req.headers() {
        if let (Ok(n), Ok(v)) = (
            http::HeaderName::from_bytes(name.as_str().as_bytes()),
            http::HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(n, v);
        }
    }
    let request =
        scenario::Request { method: &method, headers: &headers, query: req.uri().query(), body };
    scenario::handle(route, config, &request)
}

/// Converts an outcome: every error goes through the crate's `Responder` impls.
pub fn respond(outcome: Outcome, req: &HttpRequest) -> HttpResponse {
    match outcome {
        Outcome::Success(success) => success_response(&success),
        Outcome::Error(e) | Outcome::Direct(e) => e.respond_to(req),
        Outcome::Authorize(e) => e.respond_to(req),
        Outcome::AuthRequired(a) => a.respond_to(req),
        Outcome::Rejected(r) => r.respond_to(req),
    }
}

/// A success, converted from `http` 1 to actix-web's types byte for byte.
fn success_response(success: &Success) -> HttpResponse {
    let (parts, body) = success.to_response().into_parts();
    let status =
        ActixStatus::from_u16(parts.status.as_u16()).unwrap_or(ActixStatus::INTERNAL_SERVER_ERROR);
    let mut response = HttpResponse::with_body(status, BoxBody::new(body));
    for (name, value) in &parts.headers {
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            response.headers_mut().append(n, v);
        }
    }
    response
}
