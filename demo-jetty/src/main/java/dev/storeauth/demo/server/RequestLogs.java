package dev.storeauth.demo.server;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;

/** One readable line per request: client, method, path (never the query), status, bytes, time. */
final class RequestLogs {

    private RequestLogs() {
    }

    static RequestLog oneLine() {
        Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
        writer.setLoggerName("dev.storeauth.demo.requests");
        return new CustomRequestLog(writer, "%{client}a %m %U %s %O bytes %{ms}T ms");
    }
}
