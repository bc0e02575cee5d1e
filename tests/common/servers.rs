//! Real servers on `127.0.0.1:0`, each with its own runtime, for blocking tests: they stop
//! when the test shuts them down (asserting a clean stop), or on their own after
//! `lifetime`, whatever happens to the test.

use std::io;
use std::net::SocketAddr;
use std::sync::mpsc;
use std::time::Duration;

use actix_web::dev::ServerHandle;
use tokio::sync::oneshot;

/// An axum app served on a multi-threaded tokio runtime of its own.
pub struct AxumServer {
    pub addr: SocketAddr,
    rt: tokio::runtime::Runtime,
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<io::Result<()>>,
}

impl AxumServer {
    pub fn start(app: axum::Router, lifetime: Duration) -> AxumServer {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        let listener = rt
            .block_on(tokio::net::TcpListener::bind(("127.0.0.1", 0)))
            .expect("bind axum on 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = rt.spawn(async move {
            let signal = async move {
                tokio::select! {
                    _ = stopped => {}
                    _ = tokio::time::sleep(lifetime) => {}
                }
            };
            axum::serve(listener, app).with_graceful_shutdown(signal).await
        });
        AxumServer { addr, rt, stop, task }
    }

    pub fn shutdown(self) {
        let _ = self.stop.send(());
        let task = self.task;
        let joined =
            self.rt.block_on(async { tokio::time::timeout(Duration::from_secs(5), task).await });
        assert!(matches!(joined, Ok(Ok(Ok(())))), "axum server did not stop cleanly: {joined:?}");
        self.rt.shutdown_timeout(Duration::from_secs(2));
    }
}

/// An actix-web server in its own thread under `actix_web::rt::System`.
pub struct ActixServer {
    pub addr: SocketAddr,
    handle: ServerHandle,
    done: mpsc::Receiver<io::Result<()>>,
    thread: std::thread::JoinHandle<()>,
}

impl ActixServer {
    /// Starts the server that `bind` builds and binds inside the server's actix system,
    /// returning its address and the running server (`HttpServer::run`).
    pub fn start<F>(lifetime: Duration, bind: F) -> ActixServer
    where
        F: FnOnce() -> io::Result<(SocketAddr, actix_web::dev::Server)> + Send + 'static,
    {
        let (ready_tx, ready_rx) = mpsc::channel();
        let (done_tx, done) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let result = actix_web::rt::System::new().block_on(async move {
                let (addr, server) = bind()?;
                let handle = server.handle();
                let watchdog = handle.clone();
                actix_web::rt::spawn(async move {
                    actix_web::rt::time::sleep(lifetime).await;
                    watchdog.stop(false).await;
                });
                let _ = ready_tx.send((addr, handle));
                server.await
            });
            let _ = done_tx.send(result);
        });
        let (addr, handle) =
            ready_rx.recv_timeout(Duration::from_secs(10)).expect("actix server started");
        ActixServer { addr, handle, done, thread }
    }

    pub fn shutdown(self) {
        // `ServerHandle::stop` only sends a command; any executor can drive it.
        let rt =
            tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        rt.block_on(async {
            tokio::time::timeout(Duration::from_secs(5), self.handle.stop(true)).await
        })
        .expect("actix stop within 5 s");
        let result = self.done.recv_timeout(Duration::from_secs(5)).expect("actix system ended");
        assert!(result.is_ok(), "actix server error: {result:?}");
        self.thread.join().expect("actix thread");
    }
}
