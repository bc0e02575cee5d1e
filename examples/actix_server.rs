//! The demo OAuth 2.0 authorization + resource server of `demo_server.rs`, on actix-web 4.
//!
//! ```text
//! cargo run --example actix_server --features actix-web,tracing
//! cargo run --example actix_server --features actix-web,tracing -- --addr 127.0.0.1:18081
//! ```
//!
//! Same client (`demo-client` / `demo-secret`, Basic or body authentication), redirect
//! URI, scopes, issuer (`http://<addr>`) and realm as the axum demo, and the same routes:
//! `POST /token`, `GET /authorize`, `GET /api/read`, `GET /api/write`, `POST /revoke`,
//! `POST /register`. The behaviour is the framework-free `examples/shared/scenario.rs`;
//! the actix wiring is `examples/shared/actix_app.rs`: `/token` returns
//! `Result<HttpResponse, ErrorResponse>` (errors rendered by the crate's `ResponseError`
//! impl), the other routes the crate's `Responder` impls. `tests/actix_server.rs` checks
//! that both servers send the same bytes for every request.
//!
//! A `tracing-subscriber` fmt subscriber shows the crate's events: one per rendered error,
//! 5xx at error level with the internal cause (which never reaches the client), 4xx at
//! debug. `RUST_LOG` sets the level (default `info`; `RUST_LOG=debug` shows every error).

use std::process::ExitCode;
use std::sync::Arc;

#[path = "shared/actix_app.rs"]
mod actix_app;
#[path = "shared/cli.rs"]
mod cli;
#[path = "shared/scenario.rs"]
mod scenario;
#[path = "shared/tour.rs"]
mod tour;

/// The address used when none is given (the axum demo uses 8080).
const DEFAULT_ADDR: &str = "127.0.0.1:8081";

const USAGE: &str = "\
usage: actix_server [--addr HOST:PORT]

Runs the oauth-errors demo authorization + resource server on actix-web (default
127.0.0.1:8081). Send `X-Demo-Fail: server | unavailable | ratelimit` to simulate failures.
RUST_LOG sets the log level (off, error, warn, info, debug, trace; default info).";

const CLI: cli::Cli = cli::Cli {
    program: "actix_server",
    usage: USAGE,
    default_addr: DEFAULT_ADDR,
    title: "demo server (actix-web)",
};

fn main() -> ExitCode {
    let addr = match CLI.listen_addr() {
        Ok(addr) => addr,
        Err(code) => return code,
    };
    cli::init_tracing();

    actix_web::rt::System::new().block_on(async move {
        let listener = match std::net::TcpListener::bind(&addr) {
            Ok(l) => l,
            Err(e) => return CLI.fail(format_args!("cannot listen on {addr}: {e}")),
        };
        let config = match CLI.config(&addr, listener.local_addr()) {
            Ok(config) => Arc::new(config),
            Err(code) => return code,
        };
        CLI.print_banner(&config);
        let app_config = Arc::clone(&config);
        let server = actix_web::HttpServer::new(move || actix_app::app(Arc::clone(&app_config)))
            .listen(listener);
        let result = match server {
            Ok(server) => server.run().await,
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => CLI.fail(e),
        }
    })
}
