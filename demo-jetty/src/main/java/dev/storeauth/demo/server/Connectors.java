package dev.storeauth.demo.server;

import dev.storeauth.demo.cli.DemoOptions;
import java.util.List;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The demo's two connectors, both on {@link DemoOptions#bindAddress()}: HTTPS with the self-signed
 * certificate, answering for {@link ServedNames}, and plain HTTP; both bounded by
 * {@link ConnectorLimits}.
 */
final class Connectors {

    private final ServerConnector https;
    private final ServerConnector http;
    private final ConnectionLimit limit;

    /** Binds both ports now (so their numbers are known before the server starts). */
    Connectors(Server server, TlsKeystore keystore, DemoOptions options) throws Exception {
        this(server, keystore, options, ConnectorLimits.DEMO);
    }

    Connectors(Server server, TlsKeystore keystore, DemoOptions options, ConnectorLimits limits) throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.keyStore().toString());
        tls.setKeyStorePassword(keystore.password());
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration httpsConfig = config(limits);
        ServedNames names = ServedNames.of(options.publicHost(), options.bindAddress());
        httpsConfig.addCustomizer(new ServedHostCustomizer(names));
        https = connector(server, options.bindAddress(), options.httpsPort(), "https", limits,
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(httpsConfig));
        http = connector(server, options.bindAddress(), options.httpPort(), "http", limits,
                new HttpConnectionFactory(config(limits)));
        limit = new ConnectionLimit(limits.maxConnections(), https, http);
        limit.setIdleTimeout(limits.idleTimeoutWhenFull().toMillis());
        server.addBean(limit);
        https.open();
        http.open();
    }

    private static ServerConnector connector(Server server, String host, int port, String name,
            ConnectorLimits limits, ConnectionFactory... factories) {
        ServerConnector connector = new ServerConnector(server, factories);
        connector.setHost(host);
        connector.setPort(port);
        connector.setName(name);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        return connector;
    }

    private static HttpConfiguration config(ConnectorLimits limits) {
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(limits.maxRequestHeaderBytes());
        // A relative Location stays relative: made absolute, it would carry the client's Host.
        config.setRelativeRedirectAllowed(true);
        return config;
    }

    int httpsPort() {
        return https.getLocalPort();
    }

    int httpPort() {
        return http.getLocalPort();
    }

    /** Both connectors, HTTPS first. */
    List<ServerConnector> all() {
        return List.of(https, http);
    }

    ConnectionLimit limit() {
        return limit;
    }
}
