//! A demo OAuth 2.0 authorization + resource server on axum, answering every error with
//! this crate.
//!
//! ```text
//! cargo run --example demo_server --features axum,tracing
//! cargo run --example demo_server --features axum,tracing -- --addr 127.0.0.1:18080
//! ```
//!
//! Registered client `demo-client` / `demo-secret` (Basic or body authentication),
//! redirect URI `http://127.0.0.1:9999/cb`, scopes `read write`, issuer `http://<addr>`,
//! realm `demo`. Routes:
//!
//! | Route | What it shows |
//! |---|---|
//! | `POST /token` | `invalid_client` 401 vs 400, every grant error, device-flow polling codes, 500/503/429 via `X-Demo-Fail` |
//! | `GET /authorize` | direct 400 vs redirected errors, `state`, `iss`, query / fragment / `form_post` |
//! | `GET /api/read`, `GET /api/write` | 401 challenge without error, `invalid_request`, `invalid_token`, `insufficient_scope` |
//! | `POST /revoke` | RFC 7009 revocation, `unsupported_token_type` |
//! | `POST /register` | RFC 7591 registration errors |
//!
//! The behaviour lives in `examples/shared/scenario.rs` (framework-free; its module docs
//! list every choice the demo makes), the axum wiring in `examples/shared/axum_app.rs`.
//! A `tracing-subscriber` fmt subscriber shows the crate's events: one per rendered error,
//! 5xx at error level with the internal cause (which never reaches the client), 4xx at
//! debug. `RUST_LOG` sets the level (default `info`; `RUST_LOG=debug` shows every error).

use std::process::ExitCode;

#[path = "shared/axum_app.rs"]
mod axum_app;
#[path = "shared/cli.rs"]
mod cli;
#[path = "shared/scenario.rs"]
mod scenario;
#[path = "shared/tour.rs"]
mod tour;

const USAGE: &str = "\
usage: demo_server [--addr HOST:PORT]

Runs the oauth-errors demo authorization + resource server (default 127.0.0.1:8080).
Send `X-Demo-Fail: server | unavailable | ratelimit` to simulate failures.
RUST_LOG sets the log level (off, error, warn, info, debug, trace; default info).";

const CLI: cli::Cli = cli::Cli {
    program: "demo_server",
    usage: USAGE,
    default_addr: scenario::DEFAULT_ADDR,
    title: "demo server",
};

#[tokio::main]
async fn main() -> ExitCode {
    let addr = match CLI.listen_addr() {
        Ok(addr) => addr,
        Err(code) => return code,
    };
    cli::init_tracing();

    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => return CLI.fail(format_args!("cannot listen on {addr}: {e}")),
    };
    let config = match CLI.config(&addr, listener.local_addr()) {
        Ok(config) => config,
        Err(code) => return code,
    };
    CLI.print_banner(&config);
    if let Err(e) = axum::serve(listener, axum_app::app(config)).await {
        return CLI.fail(e);
    }
    ExitCode::SUCCESS
}
