//! Wire-format conformance: statuses whose required headers are never sent. Each test
//! pins exact values.

use oauth_errors::{ClientAuth, Endpoint, ErrorResponse, ErrorStatus, OAuthError, StatusError};

// ---------------------------------------------------------------------------------------
// Statuses whose required headers are never sent
// ---------------------------------------------------------------------------------------

#[test]
fn statuses_407_and_426_cannot_be_built() {
    assert_eq!(
        ErrorStatus::new(407),
        Err(StatusError::NeedsHeader { status: 407, header: "Proxy-Authenticate" })
    );
    assert_eq!(
        ErrorStatus::try_from(426),
        Err(StatusError::NeedsHeader { status: 426, header: "Upgrade" })
    );
    assert_eq!(
        StatusError::NeedsHeader { status: 407, header: "Proxy-Authenticate" }.to_string(),
        "407 requires the Proxy-Authenticate header field, which an error response cannot carry"
    );
    for status in 400..=599u16 {
        let got = ErrorStatus::new(status);
        match status {
            401 => assert_eq!(got, Err(StatusError::NeedsChallenge)),
            407 | 426 => assert!(matches!(got, Err(StatusError::NeedsHeader { .. }))),
            _ => assert_eq!(got.map(ErrorStatus::as_u16), Ok(status)),
        }
    }
}

/// The table is the only other source of statuses: no code renders 407 or 426 anywhere.
#[test]
fn no_code_renders_407_or_426() {
    let mut codes = OAuthError::KNOWN.to_vec();
    codes.push(OAuthError::from_code("x_vendor").unwrap());
    for code in codes {
        for ep in Endpoint::ALL {
            for auth in [ClientAuth::None, ClientAuth::Body, ClientAuth::basic("as")] {
                let s = ErrorResponse::new(code.clone()).with_client_auth(auth).resolve_status(ep);
                assert!(!matches!(s.as_u16(), 407 | 426), "{code} at {ep}: {s}");
            }
        }
    }
}
