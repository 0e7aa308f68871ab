package dev.storeauth.demo.web;

import dev.storeauth.servlet.JsonBodyReader;

/** The reader behind {@link JsonBody}: an interface cannot hold a private field. */
final class JsonReading {

    static final JsonBodyReader READER = new JsonBodyReader(JsonBody.MAX_BYTES, JsonBody.MAX_DEPTH);

    private JsonReading() {
    }
}
