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
//! 5xx at error level with the internal cause (which never reaches the client).

use std::io::IsTerminal as _;
use std::process::ExitCode;
use std::sync::Arc;

#[path = "shared/actix_app.rs"]
mod actix_app;
#[path = "shared/scenario.rs"]
mod scenario;

/// The address used when none is given (the axum demo uses 8080).
const DEFAULT_ADDR: &str = "127.0.0.1:8081";

const USAGE: &str = "\
usage: actix_server [--addr HOST:PORT]

Runs the oauth-errors demo authorization + resource server on actix-web (default
127.0.0.1:8081). Send `X-Demo-Fail: server | unavailable | ratelimit` to simulate failures.";

fn parse_args() -> Result<Option<String>, String> {
    let mut addr = DEFAULT_ADDR.to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--addr" => addr = args.next().ok_or("--addr needs a value (HOST:PORT)")?,
            other => match other.strip_prefix("--addr=") {
                Some(v) => addr = v.to_owned(),
                None => return Err(format!("unknown argument: {other}")),
            },
        }
    }
    Ok(Some(addr))
}

fn print_banner(config: &scenario::Config) {
    let base = config.issuer.as_str();
    let (id, secret) = (scenario::CLIENT_ID, scenario::CLIENT_SECRET);
    println!("oauth-errors demo server (actix-web) listening on {base}");
    println!(
        "issuer {base}, realm \"{}\", client {id} / {secret}, redirect URI {}, scopes read write",
        config.realm,
        scenario::REDIRECT_URI
    );
    println!();
    println!("Try:");
    for line in [
        format!("curl -i -u {id}:wrong {base}/token -d grant_type=client_credentials"),
        format!(
            "curl -i -u {id}:{secret} {base}/token -d grant_type=client_credentials -d scope=write"
        ),
        format!(
            "curl -i -u {id}:{secret} {base}/token -d grant_type={} -d device_code=pending",
            scenario::DEVICE_CODE_GRANT
        ),
        format!(
            "curl -i -u {id}:{secret} -H 'X-Demo-Fail: unavailable' {base}/token -d grant_type=client_credentials"
        ),
        format!("curl -i {base}/api/read"),
        format!("curl -i -H 'Authorization: Bearer demo-access-token' {base}/api/write"),
        format!("curl -i -X DELETE {base}/api/read"),
        format!("curl -i {base}/nowhere"),
    ] {
        println!("  {line}");
    }
    println!();
}

fn main() -> ExitCode {
    let addr = match parse_args() {
        Ok(Some(addr)) => addr,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("actix_server: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // DEBUG shows the crate's event for every 4xx too; 5xx are at ERROR with the cause.
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(std::io::stdout().is_terminal())
        .init();

    actix_web::rt::System::new().block_on(async move {
        let listener = match std::net::TcpListener::bind(&addr) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("actix_server: cannot listen on {addr}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let config = match listener.local_addr().map(scenario::Config::new) {
            Ok(Ok(config)) => Arc::new(config),
            Ok(Err(e)) => {
                eprintln!("actix_server: no issuer for {addr}: {e}");
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("actix_server: {e}");
                return ExitCode::FAILURE;
            }
        };
        print_banner(&config);
        let app_config = Arc::clone(&config);
        let server = actix_web::HttpServer::new(move || actix_app::app(Arc::clone(&app_config)))
            .listen(listener);
        let result = match server {
            Ok(server) => server.run().await,
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("actix_server: {e}");
                ExitCode::FAILURE
            }
        }
    })
}
