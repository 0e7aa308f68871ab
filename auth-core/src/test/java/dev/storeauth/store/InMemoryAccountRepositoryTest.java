package dev.storeauth.store;

/** The store contract, in memory. */
class InMemoryAccountRepositoryTest extends AccountRepositoryContract {

    @Override
    protected AccountRepository repository() {
        return new InMemoryAccountRepository();
    }
}
