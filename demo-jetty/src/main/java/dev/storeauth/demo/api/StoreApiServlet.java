package dev.storeauth.demo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeauth.demo.data.StoreRecords;
import dev.storeauth.demo.data.StoreSettings;
import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.demo.web.JsonResponses;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.servlet.ErrorFormat;
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
 * an unknown path 404, another method 405 with {@code Allow}: each a problem in the configured
 * {@link ErrorFormat} (RFC 9457 {@code application/problem+json} by default), checked before anything
 * is written. An unforeseen fault is a 500 naming no exception.
 * Thread-safe.
 */
public final class StoreApiServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(StoreApiServlet.class);

    private final transient StoreRecords records;
    private final transient SettingsEndpoint settings;
    private final ErrorFormat format;

    /** Writes problems in RFC 9457 form. */
    public StoreApiServlet(StoreRecords records, StoreSettings settings) {
        this(records, settings, ErrorFormat.RFC9457);
    }

    /** Writes problems in {@code format}, in the shape of the path's API version. */
    public StoreApiServlet(StoreRecords records, StoreSettings settings, ErrorFormat format) {
        this.records = Objects.requireNonNull(records, "records");
        this.settings = new SettingsEndpoint(Objects.requireNonNull(settings, "settings"));
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ApiTarget> target = ApiTarget.parse(request.getPathInfo());
        ApiProblems problems = ApiProblems.forPath(format, request.getPathInfo());
        if (target.isEmpty()) {
            problems.write(response, DemoProblem.NOT_FOUND.response("the demo serves " + ApiTarget.SERVED));
            return;
        }
        if (ApiTarget.formatSuffix(request.getPathInfo()).equals(ApiTarget.XML)) {
            problems.write(response, DemoProblem.NOT_ACCEPTABLE.response("the demo's v2 API answers JSON only: "
                    + "call the path with .json or without a suffix"));
            return;
        }
        try {
            dispatch(request, response, target.get(), problems);
        } catch (RepositoryUnavailableException e) {
            problems.write(response, DemoProblem.RECORDS_UNAVAILABLE.response("the store's records cannot be "
                    + "reached right now; try again").withHeader("Retry-After", "5"));
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.error("store API {} {} failed", request.getMethod(), request.getRequestURI(), e);
            problems.write(response, DemoProblem.SERVER_ERROR.response("the demo could not answer this request"));
        }
    }

    /** {@code HEAD} is served as {@code GET}; the container sends the headers without the body. */
    static String effectiveMethod(HttpServletRequest request) {
        return request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response, ApiTarget target,
            ApiProblems problems) throws IOException {
        String method = effectiveMethod(request);
        if (target.isSettings()) {
            settings.serve(request, response, target, problems);
        } else if (target.id().isEmpty() && method.equals("GET")) {
            list(request, response, target, problems);
        } else if (target.id().isEmpty() && method.equals("POST")) {
            create(request, response, target, problems);
        } else if (target.id().isPresent() && method.equals("GET")) {
            found(response, target, problems, records.get(target.storeHash(), target.collection(),
                    target.id().getAsLong()).map(RecordViews::record));
        } else if (target.id().isPresent() && method.equals("PUT")) {
            update(request, response, target, problems);
        } else if (target.id().isPresent() && method.equals("DELETE")) {
            delete(response, target, problems);
        } else {
            methodNotAllowed(response, problems, method,
                    target.id().isEmpty() ? "GET, HEAD, POST" : "GET, HEAD, PUT, DELETE");
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, ApiTarget target,
            ApiProblems problems) throws IOException {
        Optional<Paging> paging = Paging.of(request.getParameter("page"), request.getParameter("limit"));
        if (paging.isEmpty()) {
            problems.write(response, DemoProblem.INVALID_REQUEST.response("page must be a number ≥ 1 and limit 1-"
                    + Paging.MAX_LIMIT));
            return;
        }
        var page = records.list(target.storeHash(), target.collection(), paging.get().offset(), paging.get().limit());
        long total = records.count(target.storeHash(), target.collection());
        JsonResponses.write(response, 200, RecordViews.page(target, page, paging.get(), total));
    }

    private void create(HttpServletRequest request, HttpServletResponse response, ApiTarget target,
            ApiProblems problems) throws IOException {
        Optional<ObjectNode> body = ApiBodies.read(request, response, problems);
        Optional<String> stored = body.isEmpty() ? Optional.empty()
                : ApiBodies.storable(response, problems, RecordViews.writable(body.get()));
        if (stored.isPresent()) {
            var created = records.create(target.storeHash(), target.collection(), stored.get());
            response.setHeader("Location", request.getRequestURI().replaceAll("/$", "") + "/" + created.id());
            JsonResponses.write(response, 201, RecordViews.one(target, RecordViews.record(created)));
        }
    }

    private void update(HttpServletRequest request, HttpServletResponse response, ApiTarget target,
            ApiProblems problems) throws IOException {
        Optional<ObjectNode> body = ApiBodies.read(request, response, problems);
        if (body.isEmpty()) {
            return;
        }
        long id = target.id().getAsLong();
        var existing = records.get(target.storeHash(), target.collection(), id);
        if (existing.isEmpty()) {
            notFound(response, target, problems);
            return;
        }
        ObjectNode merged = RecordViews.body(existing.get().body()).setAll(RecordViews.writable(body.get()));
        Optional<String> stored = ApiBodies.storable(response, problems, merged);
        if (stored.isPresent()) {
            found(response, target, problems, records.update(target.storeHash(), target.collection(), id, stored.get())
                    .map(RecordViews::record));
        }
    }

    private void delete(HttpServletResponse response, ApiTarget target, ApiProblems problems) throws IOException {
        if (records.delete(target.storeHash(), target.collection(), target.id().getAsLong())) {
            response.setStatus(204);
        } else {
            notFound(response, target, problems);
        }
    }

    private static void found(HttpServletResponse response, ApiTarget target, ApiProblems problems,
            Optional<ObjectNode> record) throws IOException {
        if (record.isPresent()) {
            JsonResponses.write(response, 200, RecordViews.one(target, record.get()));
        } else {
            notFound(response, target, problems);
        }
    }

    private static void notFound(HttpServletResponse response, ApiTarget target, ApiProblems problems)
            throws IOException {
        problems.write(response, DemoProblem.NOT_FOUND.response("no " + target.collection() + " record "
                + target.id().orElse(0) + " in this store"));
    }

    static void methodNotAllowed(HttpServletResponse response, ApiProblems problems, String method, String allow)
            throws IOException {
        problems.write(response, DemoProblem.METHOD_NOT_ALLOWED.response(method + " is not allowed here; allowed: "
                + allow).withHeader("Allow", allow));
    }
}
