package dev.storeauth.demo;

import java.net.http.HttpClient;
import java.nio.file.Path;

/**
 * What the control-panel browser tests start from: a demo on {@code dataDir}, headless Chromium on it
 * saving downloads to {@code downloads} ({@link PanelBrowser}: skipped without it unless
 * {@code REQUIRE_BROWSER=1}), and the owner signed in over the API as {@link #owner} with its CSRF token.
 * {@link #close()} closes the browser, then the demo.
 */
final class SignedInPanel implements AutoCloseable {

    final DemoFixture demo;
    final PanelBrowser browser;
    final HttpClient owner;
    final String csrf;

    private SignedInPanel(DemoFixture demo, PanelBrowser browser, HttpClient owner, String csrf) {
        this.demo = demo;
        this.browser = browser;
        this.owner = owner;
        this.csrf = csrf;
    }

    static SignedInPanel start(Path dataDir, Path downloads) throws Exception {
        PanelBrowser.requireOrSkip();
        DemoFixture demo = DemoFixture.start(dataDir);
        PanelBrowser browser = null;
        try {
            browser = PanelBrowser.start(demo, downloads);
            HttpClient owner = demo.client();
            return new SignedInPanel(demo, browser, owner,
                    demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD));
        } catch (Exception | Error e) {
            if (browser != null) {
                browser.close();
            }
            demo.close();
            throw e;
        }
    }

    @Override
    public void close() {
        browser.close();
        demo.close();
    }
}
