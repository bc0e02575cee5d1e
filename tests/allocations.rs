//! The static fast path: a description-less error under the default contract is served
//! from the code table's precomputed `&'static` body — no serialisation, no body
//! allocation. The only allocations left are the `HeaderMap`'s own storage.
//!
//! Counted with `dhat`'s testing mode (one profiler per process, so one test function).

use oauth_errors::{Challenge, Endpoint, ErrorResponse, OAuthError, error_text};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn blocks_during(f: impl FnOnce()) -> u64 {
    let before = dhat::HeapStats::get().total_blocks;
    f();
    dhat::HeapStats::get().total_blocks - before
}

#[test]
fn static_fast_path() {
    let _profiler = dhat::Profiler::builder().testing().build();

    // Zero-copy: every bare code's response body *is* the table's bytes.
    for code in OAuthError::KNOWN {
        let response = code.to_response(Endpoint::Token);
        let static_body = code.info().static_body.as_bytes();
        assert_eq!(response.body().as_ref(), static_body);
        assert_eq!(response.body().as_ptr(), static_body.as_ptr(), "{code}");
    }

    // A bare render allocates only the header map's storage.
    let bare = blocks_during(|| drop(OAuthError::InvalidGrant.to_response(Endpoint::Token)));
    assert_eq!(bare, 2, "allocations for a bare-code render");

    // A description adds the serialised body: one buffer, allocated at its final size,
    // which the `Bytes` takes over without another allocation.
    let rich = OAuthError::InvalidGrant.with_description(error_text!("expired"));
    let with_description = blocks_during(|| drop(rich.to_response(Endpoint::Token)));
    assert_eq!(with_description, 3, "the header map and the body buffer");

    // A description and a challenge at a resource: plus the challenge's header value,
    // written into one buffer measured beforehand, which the value takes over.
    let resource = OAuthError::InvalidToken
        .with_description("The access token expired")
        .with_challenge(Challenge::bearer().realm("demo"));
    let challenged = blocks_during(|| drop(resource.to_response(Endpoint::Resource)));
    assert_eq!(challenged, 4, "the header map, the body and the challenge");
    let r = resource.to_response(Endpoint::Resource);
    assert_eq!(
        r.headers()["www-authenticate"],
        r#"Bearer realm="demo", error="invalid_token", error_description="The access token expired""#
    );
    assert_eq!(
        r.body().as_ref(),
        br#"{"error":"invalid_token","error_description":"The access token expired"}"#
    );

    // A bare code allocates nothing; the first part added allocates the one box that
    // holds every other part, and later parts reuse it (a literal description is
    // borrowed, not copied).
    let bare_built = blocks_during(|| drop(ErrorResponse::new(OAuthError::InvalidGrant)));
    assert_eq!(bare_built, 0);
    let built = blocks_during(|| {
        let e = ErrorResponse::new(OAuthError::InvalidGrant)
            .with_description(error_text!("The code has expired"))
            .at(Endpoint::Token);
        drop(e);
    });
    assert_eq!(built, 1, "the box");

    // Reading a plain RFC 6749 body: the description and the URI (owned copies) and the
    // box that holds them; the known code and the member names cost nothing. oauth2 5's
    // strict `StandardErrorResponse` parse of the same body, counted the same way, makes
    // as many: the description, the URI and a `String` copy of the code.
    let body: &[u8] = br#"{"error":"invalid_grant","error_description":"The authorization code has expired","error_uri":"https://auth.example.com/docs/errors#invalid_grant"}"#;
    let short: &[u8] = br#"{"error":"invalid_grant","error_description":"expired"}"#;
    for (body, ours) in [(body, 3), (short, 2)] {
        let parsed = blocks_during(|| drop(ErrorResponse::from_json(body).unwrap()));
        assert_eq!(parsed, ours, "{}", String::from_utf8_lossy(body));
        let theirs = blocks_during(|| drop(serde_json::from_slice::<Oauth2Error>(body).unwrap()));
        assert_eq!(theirs, ours, "oauth2 on {}", String::from_utf8_lossy(body));
    }
}

type Oauth2Error = oauth2::StandardErrorResponse<oauth2::basic::BasicErrorResponseType>;
