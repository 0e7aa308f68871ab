package dev.storeauth.store;

/** The store contract, in memory. */
class InMemoryAccountRepositoryContractTest extends AccountRepositoryContract {

    @Override
    protected AccountRepository repository() {
        return new InMemoryAccountRepository();
    }
}
