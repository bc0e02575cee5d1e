//! An OAuth token endpoint and a protected API on actix-web, written the way a service
//! would write them: an `App`, async handlers, the crate's extractors, `?` on the
//! service's own error type, and a middleware that logs the internal cause of every error.
//!
//! ```text
//! cargo run --example actix_api --features actix-web
//! cargo run --example actix_api --features actix-web -- --addr 127.0.0.1:18081
//! ```
//!
//! `RUST_LOG` sets the log level (default `info`: 5xx with their internal cause;
//! `debug`: every refused request).
//!
//! It answers exactly like `axum_api.rs` and the demo server (checked by
//! `tests/api_examples.rs`):
//!
//! ```text
//! curl -i -u demo-client:demo-secret -d grant_type=client_credentials -d scope=write http://127.0.0.1:8080/token
//! curl -i -d 'grant_type=client_credentials&client_id=demo-client&client_secret=wrong' http://127.0.0.1:8080/token
//! curl -i -H 'Authorization: Bearer demo-access-token' http://127.0.0.1:8080/api/write
//! ```
//!
//! The service itself (client, tokens, its `ApiError` and the one `From<ApiError> for
//! ErrorResponse`) is `examples/shared/api_domain.rs`, shared with `axum_api.rs`.

use std::process::ExitCode;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{CACHE_CONTROL, PRAGMA};
use actix_web::middleware::{Next, from_fn};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use oauth_errors::extract::{AccessToken, AccessTokenConfig, ClientAuthConfig, ClientForm};
use oauth_errors::{ErrorReport, ErrorResponse};

#[path = "shared/api_domain.rs"]
mod api_domain;

use api_domain::{DEMO_FAIL_HEADER, MAX_BODY_BYTES, REALM, TokenParams};

/// A JSON success that must not be cached (RFC 6749 §5.1).
fn no_store_json(body: impl serde::Serialize) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CACHE_CONTROL, "no-store"))
        .insert_header((PRAGMA, "no-cache"))
        .json(body)
}

/// `POST /token`. `ClientForm` reads the form body once: the client's credentials
/// (Basic or `client_secret_post`; two at once, or a body that is not a form, is rejected
/// with `invalid_request` before this runs) and the token parameters.
async fn token(
    req: HttpRequest,
    ClientForm { client, form }: ClientForm<TokenParams>,
) -> Result<HttpResponse, ErrorResponse> {
    api_domain::authenticate(&client)?;
    let simulate_outage = req.headers().get(DEMO_FAIL_HEADER).is_some_and(|v| v == "server");
    Ok(no_store_json(api_domain::issue_token(form, simulate_outage)?))
}

/// `GET /api/read`. Without a token the `AccessToken` extractor answers the 401
/// challenge itself; a malformed header is its 400 `invalid_request`.
async fn api_read(token: AccessToken) -> Result<HttpResponse, ErrorResponse> {
    Ok(no_store_json(api_domain::read_resource(&token, "/api/read", "read")?))
}

/// `GET /api/write`: a `read` token gets 403 `insufficient_scope` with `scope="write"`.
async fn api_write(token: AccessToken) -> Result<HttpResponse, ErrorResponse> {
    Ok(no_store_json(api_domain::read_resource(&token, "/api/write", "write")?))
}

/// Logs every OAuth error the crate rendered, from the `ErrorReport` it puts into the
/// response extensions: 5xx with the internal cause at error level, the rest at debug.
async fn log_oauth_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let response = next.call(req).await?;
    if let Some(report) = response.response().extensions().get::<ErrorReport>() {
        if report.is_server_error() {
            tracing::error!(%report, "request failed");
        } else {
            tracing::debug!(%report, "request refused");
        }
    }
    Ok(response)
}

/// The service's routes and configuration, for `App::configure` (the middleware is added
/// by [`app`]).
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .app_data(ClientAuthConfig::new(REALM))
        .app_data(AccessTokenConfig::new(REALM))
        .app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
        .route("/token", web::post().to(token))
        .route("/api/read", web::get().to(api_read))
        .route("/api/write", web::get().to(api_write));
}

/// The service: [`routes`], actix's own extractor rejections as OAuth errors, and the
/// logging middleware.
pub fn app() -> App<
    impl actix_web::dev::ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .configure(oauth_errors::actix::rejections)
        .configure(routes)
        .wrap(from_fn(log_oauth_errors))
}

fn main() -> ExitCode {
    let addr = match api_domain::listen_addr() {
        Ok(addr) => addr,
        Err(e) => {
            eprintln!("actix_api: {e}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_max_level(api_domain::log_level())
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();
    actix_web::rt::System::new().block_on(async move {
        let server = match HttpServer::new(app).bind(&addr) {
            Ok(server) => server,
            Err(e) => {
                eprintln!("actix_api: cannot listen on {addr}: {e}");
                return ExitCode::FAILURE;
            }
        };
        for bound in server.addrs() {
            println!("actix_api listening on http://{bound}");
        }
        match server.run().await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("actix_api: {e}");
                ExitCode::FAILURE
            }
        }
    })
}
