//! `oauth2` (oauth2-rs 5) integration (feature `oauth2`, `default-features = false`).
//!
//! * [`ErrorResponse`] implements `oauth2::ErrorResponse`, so an `oauth2::Client` whose
//!   error types are `ErrorResponse` ([`OAuth2Client`](crate::OAuth2Client)) reads every
//!   error body it gets into this crate's typed error, in any
//!   [dialect](crate::parse::Dialect) (its `Deserialize` is
//!   [`ErrorResponse::from_body`]): codes, members, vendor mapping, actions.
//! * `TryFrom<oauth2::RequestTokenError<RE, TE>>` for [`ErrorResponse`] turns any
//!   oauth2 failure that is an OAuth error into one — `ServerResponse(_)` of any error
//!   type, and `Parse(_, body)` when the body is an error in any dialect (a 200 with an
//!   error body, as GitHub sends, ends there: oauth2 reads 200 bodies as token
//!   responses) — and gives back transport failures and unreadable responses unchanged.
//!
//! oauth2 keeps neither the HTTP status nor the headers of an error response, so errors
//! read through it have no [`received_status`](ErrorResponse::received_status),
//! `Retry-After`, `DPoP-Nonce` or challenges; read the response with
//! [`ResponseReader`](crate::parse::ResponseReader) when those matter.
//!
//! `openidconnect` 4 builds on oauth2 5 and takes its token error type through the same
//! trait (its `Client`'s `TE: oauth2::ErrorResponse` parameter), so `ErrorResponse` fits
//! there unchanged; its `RequestTokenError` is oauth2's, so the conversion applies too:
//!
//! ```text
//! type OidcClient = openidconnect::Client<
//!     EmptyAdditionalClaims, CoreAuthDisplay, CoreGenderClaim, CoreJweContentEncryptionAlgorithm,
//!     CoreJsonWebKey, CoreAuthPrompt,
//!     oauth_errors::ErrorResponse,            // TE
//!     CoreTokenResponse, CoreTokenIntrospectionResponse, CoreRevocableToken,
//!     oauth_errors::ErrorResponse,            // TRE
//!     EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet,
//! >;
//! ```

use std::any::Any;
use std::error::Error as StdError;

use oauth2::basic::{BasicTokenIntrospectionResponse, BasicTokenResponse};
use oauth2::{EndpointNotSet, RequestTokenError, StandardRevocableToken};

use crate::ErrorResponse;

/// An error body read by oauth2: `Debug`, `Display` (`code: description`), `Serialize`
/// (the RFC 6749 body) and `Deserialize` (any dialect, as [`ErrorResponse::from_body`]).
///
/// ```
/// use oauth_errors::{ErrorResponse, OAuthError};
///
/// fn takes_oauth2_error<T: oauth2::ErrorResponse>(e: T) -> String { e.to_string() }
///
/// let slack: ErrorResponse = serde_json::from_str(r#"{"ok":false,"error":"invalid_code"}"#)?;
/// assert_eq!(slack.code(), &OAuthError::InvalidGrant);
/// assert_eq!(takes_oauth2_error(slack), "invalid_grant");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "oauth2")))]
impl oauth2::ErrorResponse for ErrorResponse {}

/// `oauth2::basic::BasicClient` with [`ErrorResponse`] as its token and revocation error
/// types: token requests fail with `RequestTokenError<_, ErrorResponse>`.
///
/// ```
/// use oauth2::{ClientId, TokenUrl};
/// use oauth_errors::OAuth2Client;
///
/// let client = OAuth2Client::new(ClientId::new("demo-client".into()))
///     .set_token_uri(TokenUrl::new("https://as.example.com/token".into())?);
/// assert_eq!(client.token_uri().as_str(), "https://as.example.com/token");
/// # Ok::<(), oauth2::url::ParseError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "oauth2")))]
pub type OAuth2Client<
    HasAuthUrl = EndpointNotSet,
    HasDeviceAuthUrl = EndpointNotSet,
    HasIntrospectionUrl = EndpointNotSet,
    HasRevocationUrl = EndpointNotSet,
    HasTokenUrl = EndpointNotSet,
> = oauth2::Client<
    ErrorResponse,
    BasicTokenResponse,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    ErrorResponse,
    HasAuthUrl,
    HasDeviceAuthUrl,
    HasIntrospectionUrl,
    HasRevocationUrl,
    HasTokenUrl,
>;

/// The OAuth error inside an oauth2 failure, for any error type `TE`: `ServerResponse`
/// (an `ErrorResponse` as is, any other type through its JSON), and `Parse(_, body)` when
/// the body is an error in any dialect. Anything else — `Request` (transport), `Other`,
/// a `Parse` of a body that is no error, a `ServerResponse` whose JSON has no code — is
/// given back unchanged as the `Err`.
///
/// ```
/// use oauth2::basic::{BasicErrorResponse, BasicErrorResponseType};
/// use oauth2::{HttpClientError, RequestTokenError};
/// use oauth_errors::{ClientAction, ErrorResponse, OAuthError};
///
/// type Failure = RequestTokenError<HttpClientError<std::io::Error>, BasicErrorResponse>;
///
/// // oauth2's own error types convert through their JSON:
/// let basic = BasicErrorResponse::new(BasicErrorResponseType::InvalidGrant, Some("expired".into()), None);
/// let err = ErrorResponse::try_from(Failure::ServerResponse(basic)).unwrap();
/// assert_eq!(err.code(), &OAuthError::InvalidGrant);
/// assert_eq!(err.action(), ClientAction::Reauthenticate);
///
/// // GitHub's 200 with an error body is a `Parse` failure for oauth2, an error here:
/// let body = br#"{"error":"bad_verification_code","error_description":"expired"}"#.to_vec();
/// let parse_error = serde_path_to_error::deserialize::<_, oauth2::basic::BasicTokenResponse>(
///     &mut serde_json::Deserializer::from_slice(&body),
/// ).unwrap_err();
/// let err = ErrorResponse::try_from(Failure::Parse(parse_error, body)).unwrap();
/// assert_eq!(err.code(), &OAuthError::InvalidGrant);
/// assert_eq!(err.received_code(), Some("bad_verification_code"));
///
/// // Not OAuth errors: given back.
/// assert!(matches!(ErrorResponse::try_from(Failure::Other("timeout".into())), Err(Failure::Other(_))));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "oauth2")))]
impl<RE, TE> TryFrom<RequestTokenError<RE, TE>> for ErrorResponse
where
    RE: StdError + 'static,
    TE: oauth2::ErrorResponse + 'static,
{
    type Error = RequestTokenError<RE, TE>;

    fn try_from(failure: RequestTokenError<RE, TE>) -> Result<Self, Self::Error> {
        match failure {
            RequestTokenError::ServerResponse(te) => {
                if let Some(own) = (&te as &dyn Any).downcast_ref::<ErrorResponse>() {
                    return Ok(own.clone());
                }
                let read = serde_json::to_vec(&te)
                    .ok()
                    .and_then(|json| ErrorResponse::from_body(&json).ok());
                read.ok_or(RequestTokenError::ServerResponse(te))
            }
            RequestTokenError::Parse(e, body) => match ErrorResponse::from_body(&body) {
                Ok(err) => Ok(err),
                Err(_) => Err(RequestTokenError::Parse(e, body)),
            },
            other => Err(other),
        }
    }
}
