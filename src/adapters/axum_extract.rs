//! axum rejections as OAuth errors (feature `axum-extract`, depends on `axum` without
//! default features).

use axum::extract::rejection::{
    FormRejection, JsonRejection, PathRejection, QueryRejection, RawFormRejection,
};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use http::request::Parts;

use crate::ErrorResponse;
use crate::adapters::rejections::{Kind, error};

/// `invalid_request` naming the problem: the wrong `Content-Type` or parameters that do
/// not fit; 413 `invalid_request` over the body limit.
///
/// ```
/// use axum::extract::{Form, FromRequest, Request};
/// use oauth_errors::ErrorResponse;
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let req = Request::post("/token").header("content-type", "application/json").body(axum::body::Body::from("{}")).unwrap();
/// let rejection = Form::<Vec<(String, String)>>::from_request(req, &()).await.unwrap_err();
/// assert_eq!(
///     ErrorResponse::from(rejection).to_body().as_ref(),
///     br#"{"error":"invalid_request","error_description":"The request body must be application/x-www-form-urlencoded"}"#
/// );
/// # }
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum-extract")))]
impl From<FormRejection> for ErrorResponse {
    fn from(r: FormRejection) -> Self {
        match &r {
            FormRejection::InvalidFormContentType(_) => error(Kind::FormContentType, &r),
            FormRejection::BytesRejection(b) => bytes(b, &r),
            _ => error(Kind::FormInvalid, &r),
        }
    }
}

/// Like [`FormRejection`]'s conversion.
#[cfg_attr(docsrs, doc(cfg(feature = "axum-extract")))]
impl From<RawFormRejection> for ErrorResponse {
    fn from(r: RawFormRejection) -> Self {
        match &r {
            RawFormRejection::InvalidFormContentType(_) => error(Kind::FormContentType, &r),
            RawFormRejection::BytesRejection(b) => bytes(b, &r),
            _ => error(Kind::FormInvalid, &r),
        }
    }
}

/// `invalid_request`: the wrong `Content-Type`, a body that is not JSON, or JSON without
/// the expected members; 413 `invalid_request` over the body limit.
#[cfg_attr(docsrs, doc(cfg(feature = "axum-extract")))]
impl From<JsonRejection> for ErrorResponse {
    fn from(r: JsonRejection) -> Self {
        match &r {
            JsonRejection::MissingJsonContentType(_) => error(Kind::JsonContentType, &r),
            JsonRejection::JsonDataError(_) => error(Kind::JsonData, &r),
            JsonRejection::BytesRejection(b) => bytes(b, &r),
            _ => error(Kind::JsonSyntax, &r),
        }
    }
}

/// `invalid_request`: query parameters that do not fit.
#[cfg_attr(docsrs, doc(cfg(feature = "axum-extract")))]
impl From<QueryRejection> for ErrorResponse {
    fn from(r: QueryRejection) -> Self {
        error(Kind::Query, &r)
    }
}

/// `invalid_request`: path parameters that do not fit.
#[cfg_attr(docsrs, doc(cfg(feature = "axum-extract")))]
impl From<PathRejection> for ErrorResponse {
    fn from(r: PathRejection) -> Self {
        error(Kind::Path, &r)
    }
}

fn bytes(b: &axum::extract::rejection::BytesRejection, r: &dyn std::fmt::Display) -> ErrorResponse {
    let mapped = crate::adapters::axum::body_rejection(b);
    let kind = if mapped.status_override().is_some() { Kind::TooLarge } else { Kind::Unreadable };
    error(kind, r)
}

macro_rules! wrapper {
    ($(#[$doc:meta])* $name:ident, $inner:ident, $trait:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        #[cfg_attr(docsrs, doc(cfg(feature = "axum-extract")))]
        pub struct $name<T>(pub T);
    };
}

wrapper!(
    /// `axum::Form` whose rejection is an OAuth `invalid_request` ([`ErrorResponse`]).
    ///
    /// ```
    /// use oauth_errors::axum_extract::Form;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Revoke { token: String }
    ///
    /// async fn revoke(Form(form): Form<Revoke>) -> String { form.token }
    /// let _app: axum::Router = axum::Router::new().route("/revoke", axum::routing::post(revoke));
    /// ```
    Form, Form, FromRequest
);
wrapper!(
    /// `axum::Json` whose rejection is an OAuth `invalid_request` ([`ErrorResponse`]).
    /// As a response it is `axum::Json`.
    ///
    /// ```
    /// use oauth_errors::axum_extract::Json;
    ///
    /// #[derive(serde::Deserialize, serde::Serialize)]
    /// struct Client { redirect_uris: Vec<String> }
    ///
    /// async fn register(Json(client): Json<Client>) -> Json<Client> { Json(client) }
    /// let _app: axum::Router = axum::Router::new().route("/register", axum::routing::post(register));
    /// ```
    Json, Json, FromRequest
);
wrapper!(
    /// `axum::extract::Query` whose rejection is an OAuth `invalid_request`
    /// ([`ErrorResponse`]).
    ///
    /// ```
    /// use oauth_errors::axum_extract::Query;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Authorize { client_id: String }
    ///
    /// async fn authorize(Query(q): Query<Authorize>) -> String { q.client_id }
    /// let _app: axum::Router = axum::Router::new().route("/authorize", axum::routing::get(authorize));
    /// ```
    Query, Query, FromRequestParts
);
wrapper!(
    /// `axum::extract::Path` whose rejection is an OAuth `invalid_request`
    /// ([`ErrorResponse`]).
    ///
    /// ```
    /// use oauth_errors::axum_extract::Path;
    ///
    /// async fn client(Path(id): Path<u64>) -> String { id.to_string() }
    /// let _app: axum::Router = axum::Router::new().route("/clients/{id}", axum::routing::get(client));
    /// ```
    Path, Path, FromRequestParts
);

impl<S, T> FromRequest<S> for Form<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned,
{
    type Rejection = ErrorResponse;

    async fn from_request(req: Request, state: &S) -> Result<Self, ErrorResponse> {
        axum::Form::<T>::from_request(req, state).await.map(|f| Form(f.0)).map_err(Into::into)
    }
}

impl<S, T> FromRequest<S> for Json<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned,
{
    type Rejection = ErrorResponse;

    async fn from_request(req: Request, state: &S) -> Result<Self, ErrorResponse> {
        axum::Json::<T>::from_request(req, state).await.map(|j| Json(j.0)).map_err(Into::into)
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl<S, T> FromRequestParts<S> for Query<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned,
{
    type Rejection = ErrorResponse;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ErrorResponse> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Query(q.0))
            .map_err(Into::into)
    }
}

impl<S, T> FromRequestParts<S> for Path<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned + Send,
{
    type Rejection = ErrorResponse;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ErrorResponse> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Path(p.0))
            .map_err(Into::into)
    }
}
