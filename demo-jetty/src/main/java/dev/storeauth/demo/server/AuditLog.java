package dev.storeauth.demo.server;

import dev.storeauth.lifecycle.LifecycleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every account change as one line: who did what to which account of which store. Never a secret. */
final class AuditLog implements LifecycleEvent.Listener {

    private static final Logger LOG = LoggerFactory.getLogger("dev.storeauth.demo.audit");

    @Override
    public void onEvent(LifecycleEvent event) {
        LOG.info("{} {} {} in store {}", event.actor(), event.action(), event.accountId(), event.storeHash());
    }
}
