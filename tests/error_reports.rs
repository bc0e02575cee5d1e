//! Every error response the axum and actix-web integrations render carries an
//! [`ErrorReport`] in its extensions — code, status, endpoint and the internal cause —
//! and real middleware sees it: tower-http's `TraceLayer` and `axum::middleware::from_fn`
//! in axum, `wrap_fn` in actix-web. Responses without an error code carry none.

#![cfg(all(feature = "axum-extract", feature = "actix-web"))]

use std::sync::{Arc, Mutex};

use actix_web::dev::Service as _;
use axum::body::Body;
use axum::http::Request;
use oauth_errors::authorize::{AuthorizationError, verify_redirect_uri};
use oauth_errors::extract::ClientForm;
use oauth_errors::{
    AuthenticationRequired, Challenge, Endpoint, ErrorReport, ErrorResponse, OAuthError, Rejection,
};
use tower::ServiceExt as _;

/// What a middleware saw: the status of the response and a summary of its report.
type Seen = Arc<Mutex<Vec<(u16, Option<String>)>>>;

fn summary(r: &ErrorReport) -> String {
    let cause = r.cause().map(|c| c.to_string()).unwrap_or_default();
    format!(
        "{} {} {} redirected={} cause={cause}",
        r.code(),
        r.status().as_u16(),
        r.endpoint(),
        r.redirected()
    )
}

async fn failing() -> Result<String, ErrorResponse> {
    Err(OAuthError::ServerError
        .with_description("try later")
        .with_cause(std::io::Error::other("db connection refused")))
}

async fn redirected() -> Result<String, Rejection> {
    let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
    Err(AuthorizationError::new(
        OAuthError::TemporarilyUnavailable.with_cause(std::io::Error::other("queue full")),
        uri,
    )
    .into())
}

async fn login() -> Result<String, Rejection> {
    Err(AuthenticationRequired::new(Challenge::bearer().realm("api")).into())
}

async fn form(f: ClientForm) -> String {
    f.form.len().to_string()
}

const EXPECTED: [(&str, &str, &str, u16, Option<&str>); 5] = [
    (
        "GET",
        "/failing",
        "",
        500,
        Some("server_error 500 token redirected=false cause=db connection refused"),
    ),
    (
        "GET",
        "/redirected",
        "",
        303,
        Some("temporarily_unavailable 503 authorization redirected=true cause=queue full"),
    ),
    ("GET", "/login", "", 401, None),
    ("POST", "/form", "{}", 400, Some("invalid_request 400 token redirected=false cause=")),
    ("GET", "/ok", "", 200, None),
];

#[tokio::test]
async fn axum_trace_layer_and_from_fn_see_the_report() {
    use axum::routing::{get, post};
    use tower_http::trace::TraceLayer;

    let traced: Seen = Arc::default();
    let from_fn: Seen = Arc::default();
    let (t, f) = (Arc::clone(&traced), Arc::clone(&from_fn));
    let app = axum::Router::new()
        .route("/failing", get(failing))
        .route("/redirected", get(redirected))
        .route("/login", get(login))
        .route("/form", post(form))
        .route("/ok", get(|| async { "ok" }))
        .layer(axum::middleware::from_fn(
            move |req: Request<Body>, next: axum::middleware::Next| {
                let f = Arc::clone(&f);
                async move {
                    let response = next.run(req).await;
                    let report = response.extensions().get::<ErrorReport>().map(summary);
                    f.lock().unwrap().push((response.status().as_u16(), report));
                    response
                }
            },
        ))
        .layer(TraceLayer::new_for_http().on_response(
            move |response: &axum::http::Response<Body>, _latency, _span: &tracing::Span| {
                let report = response.extensions().get::<ErrorReport>().map(summary);
                t.lock().unwrap().push((response.status().as_u16(), report));
            },
        ));
    for (method, uri, body, status, _) in EXPECTED {
        let req = Request::builder().method(method).uri(uri).body(Body::from(body)).unwrap();
        let response = app.clone().oneshot(req).await.unwrap();
        assert_eq!(response.status(), status, "{uri}");
    }
    let expected: Vec<(u16, Option<String>)> =
        EXPECTED.iter().map(|(_, _, _, s, r)| (*s, r.map(str::to_owned))).collect();
    assert_eq!(*traced.lock().unwrap(), expected);
    assert_eq!(*from_fn.lock().unwrap(), expected);
}

#[actix_web::test]
async fn actix_middleware_sees_the_report() {
    use actix_web::{App, test, web};

    let seen: Seen = Arc::default();
    let s = Arc::clone(&seen);
    let app = test::init_service(
        App::new()
            .wrap_fn(move |req, srv| {
                let fut = srv.call(req);
                let s = Arc::clone(&s);
                async move {
                    let res = fut.await?;
                    let report = res.response().extensions().get::<ErrorReport>().map(summary);
                    s.lock().unwrap().push((res.status().as_u16(), report));
                    Ok(res)
                }
            })
            .route("/failing", web::get().to(failing))
            .route("/redirected", web::get().to(redirected))
            .route("/login", web::get().to(login))
            .route("/form", web::post().to(form))
            .route("/ok", web::get().to(|| async { "ok" })),
    )
    .await;
    for (method, uri, body, status, _) in EXPECTED {
        let req = test::TestRequest::default()
            .method(method.parse().unwrap())
            .uri(uri)
            .set_payload(body)
            .to_request();
        let res = test::call_service(&app, req).await;
        assert_eq!(res.status().as_u16(), status, "{uri}");
    }
    let expected: Vec<(u16, Option<String>)> =
        EXPECTED.iter().map(|(_, _, _, s, r)| (*s, r.map(str::to_owned))).collect();
    assert_eq!(*seen.lock().unwrap(), expected);
}

/// actix-web's own extractor rejections, installed with `oauth_errors::actix::rejections`,
/// carry the framework's message as the cause; axum's (through `axum_extract`) too.
#[actix_web::test]
async fn framework_rejections_keep_the_framework_message_as_the_cause() {
    use actix_web::{App, test, web};

    #[derive(serde::Deserialize)]
    struct Revoke {
        #[allow(dead_code)]
        token: String,
    }
    let app = test::init_service(
        App::new()
            .configure(oauth_errors::actix::rejections)
            .route("/revoke", web::post().to(|_: web::Form<Revoke>| async { "ok" })),
    )
    .await;
    let req = test::TestRequest::post().uri("/revoke").set_payload("{}").to_request();
    let res = test::call_service(&app, req).await;
    let report = res.response().extensions().get::<ErrorReport>().cloned().unwrap();
    assert_eq!((report.code(), report.endpoint()), (&OAuthError::InvalidRequest, Endpoint::Token));
    assert_eq!(report.cause().map(|c| c.to_string()).as_deref(), Some("Content type error."));

    let req = Request::post("/revoke").body(Body::from("{}")).unwrap();
    let rejection = axum::Form::<std::collections::HashMap<String, String>>::from_request(req, &())
        .await
        .unwrap_err();
    let report = ErrorResponse::from(rejection).report();
    assert_eq!(
        report.cause().map(|c| c.to_string()).as_deref(),
        Some("Form requests must have `Content-Type: application/x-www-form-urlencoded`")
    );
}

use axum::extract::FromRequest as _;
