package dev.storeauth.servlet;

import org.junit.jupiter.api.BeforeAll;

/** The {@link BoundedBodyReader} contract in Tomcat 10.1. */
class TomcatBoundedBodyReaderTest extends BoundedBodyReaderTest {

    @BeforeAll
    static void start() throws Exception {
        server = new TomcatBodyReaderServer(DEADLINE);
    }
}
