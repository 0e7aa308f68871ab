package dev.storeauth.servlet;

import org.junit.jupiter.api.BeforeAll;

/** The {@link BoundedBodyReader} contract in Jetty 12. */
class JettyBoundedBodyReaderTest extends BoundedBodyReaderTest {

    @BeforeAll
    static void start() throws Exception {
        server = new JettyBodyReaderServer(DEADLINE);
    }
}
