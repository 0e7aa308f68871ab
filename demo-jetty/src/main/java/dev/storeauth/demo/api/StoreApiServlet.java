package dev.storeauth.demo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeauth.demo.data.StoreRecords;
import dev.storeauth.demo.data.StoreSettings;
import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.demo.web.JsonResponses;
import dev.storeauth.repository.RepositoryUnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's store API, mounted at {@code /stores/*} behind {@code StoreAuthFilter} (which has
 * already checked the credential, its store and its scope):
 *
 * <ul>
 *   <li>{@code GET} a collection lists a page ({@code ?page=&limit=}); v3 wraps it in
 *       {@code {"data": [...], "meta": {"pagination": ...}}}.
 *   <li>{@code POST} a collection creates (201 with {@code Location}); {@code GET}, {@code PUT}
 *       (merges fields) and {@code DELETE} (204) one record by id.
 *   <li>{@code GET}/{@code PUT} {@code /v2/store}: the store's Information &amp; Settings.
 *   <li>A v2 path may end in {@code .json} ({@code /v2/products.json}, {@code /v2/products/5.json}),
 *       answered as the bare path; {@code .xml} is 406, as the demo writes JSON only.
 * </ul>
 *
 * {@code HEAD} answers wherever {@code GET} does, with the same headers and no body. Bodies are read
 * as {@link dev.storeauth.demo.web.JsonBody} says; bad JSON or a value outside its limits is 400 naming
 * the field, a body over 64 KiB or a record that would outgrow its column 413, a non-JSON body 415,
 * an unknown path 404, another method 405 with {@code Allow}: each an {@code application/problem+json}
 * body, checked before anything is written. An unforeseen fault is a 500 naming no exception.
 * Thread-safe.
 */
public final class StoreApiServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(StoreApiServlet.class);

    private final transient StoreRecords records;
    private final transient SettingsEndpoint settings;

    public StoreApiServlet(StoreRecords records, StoreSettings settings) {
        this.records = Objects.requireNonNull(records, "records");
        this.settings = new SettingsEndpoint(Objects.requireNonNull(settings, "settings"));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ApiTarget> target = ApiTarget.parse(request.getPathInfo());
        if (target.isEmpty()) {
            DemoProblem.NOT_FOUND.response("the demo serves " + ApiTarget.SERVED).writeTo(response);
            return;
        }
        if (ApiTarget.formatSuffix(request.getPathInfo()).equals(ApiTarget.XML)) {
            DemoProblem.NOT_ACCEPTABLE.response("the demo's v2 API answers JSON only: call the path with .json "
                    + "or without a suffix").writeTo(response);
            return;
        }
        try {
            dispatch(request, response, target.get());
        } catch (RepositoryUnavailableException e) {
            DemoProblem.RECORDS_UNAVAILABLE.response("the store's records cannot be reached right now; try again")
                    .withHeader("Retry-After", "5").writeTo(response);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.error("store API {} {} failed", request.getMethod(), request.getRequestURI(), e);
            DemoProblem.SERVER_ERROR.response("the demo could not answer this request").writeTo(response);
        }
    }

    /** {@code HEAD} is served as {@code GET}; the container sends the headers without the body. */
    static String effectiveMethod(HttpServletRequest request) {
        return request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response, ApiTarget target)
            throws IOException {
        String method = effectiveMethod(request);
        if (target.isSettings()) {
            settings.serve(request, response, target);
        } else if (target.id().isEmpty() && method.equals("GET")) {
            list(request, response, target);
        } else if (target.id().isEmpty() && method.equals("POST")) {
            create(request, response, target);
        } else if (target.id().isPresent() && method.equals("GET")) {
            found(response, target, records.get(target.storeHash(), target.collection(), target.id().getAsLong())
                    .map(RecordViews::record));
        } else if (target.id().isPresent() && method.equals("PUT")) {
            update(request, response, target);
        } else if (target.id().isPresent() && method.equals("DELETE")) {
            delete(response, target);
        } else {
            methodNotAllowed(response, method, target.id().isEmpty() ? "GET, HEAD, POST" : "GET, HEAD, PUT, DELETE");
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, ApiTarget target)
            throws IOException {
        Optional<Paging> paging = Paging.of(request.getParameter("page"), request.getParameter("limit"));
        if (paging.isEmpty()) {
            DemoProblem.INVALID_REQUEST.response("page must be a number ≥ 1 and limit 1-" + Paging.MAX_LIMIT)
                    .writeTo(response);
            return;
        }
        var page = records.list(target.storeHash(), target.collection(), paging.get().offset(), paging.get().limit());
        long total = records.count(target.storeHash(), target.collection());
        JsonResponses.write(response, 200, RecordViews.page(target, page, paging.get(), total));
    }

    private void create(HttpServletRequest request, HttpServletResponse response, ApiTarget target)
            throws IOException {
        Optional<ObjectNode> body = ApiBodies.read(request, response);
        Optional<String> stored = body.isEmpty() ? Optional.empty()
                : ApiBodies.storable(response, RecordViews.writable(body.get()));
        if (stored.isPresent()) {
            var created = records.create(target.storeHash(), target.collection(), stored.get());
            response.setHeader("Location", request.getRequestURI().replaceAll("/$", "") + "/" + created.id());
            JsonResponses.write(response, 201, RecordViews.one(target, RecordViews.record(created)));
        }
    }

    private void update(HttpServletRequest request, HttpServletResponse response, ApiTarget target)
            throws IOException {
        Optional<ObjectNode> body = ApiBodies.read(request, response);
        if (body.isEmpty()) {
            return;
        }
        long id = target.id().getAsLong();
        var existing = records.get(target.storeHash(), target.collection(), id);
        if (existing.isEmpty()) {
            notFound(response, target);
            return;
        }
        ObjectNode merged = RecordViews.body(existing.get().body()).setAll(RecordViews.writable(body.get()));
        Optional<String> stored = ApiBodies.storable(response, merged);
        if (stored.isPresent()) {
            found(response, target, records.update(target.storeHash(), target.collection(), id, stored.get())
                    .map(RecordViews::record));
        }
    }

    private void delete(HttpServletResponse response, ApiTarget target) throws IOException {
        if (records.delete(target.storeHash(), target.collection(), target.id().getAsLong())) {
            response.setStatus(204);
        } else {
            notFound(response, target);
        }
    }

    private static void found(HttpServletResponse response, ApiTarget target, Optional<ObjectNode> record)
            throws IOException {
        if (record.isPresent()) {
            JsonResponses.write(response, 200, RecordViews.one(target, record.get()));
        } else {
            notFound(response, target);
        }
    }

    private static void notFound(HttpServletResponse response, ApiTarget target) throws IOException {
        DemoProblem.NOT_FOUND.response("no " + target.collection() + " record " + target.id().orElse(0)
                + " in this store").writeTo(response);
    }

    static void methodNotAllowed(HttpServletResponse response, String method, String allow) throws IOException {
        DemoProblem.METHOD_NOT_ALLOWED.response(method + " is not allowed here; allowed: " + allow)
                .withHeader("Allow", allow).writeTo(response);
    }
}
