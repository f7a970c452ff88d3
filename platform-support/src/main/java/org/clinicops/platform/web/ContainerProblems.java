package org.clinicops.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem detail of a refusal that no handler answered (the container, a filter, Boot's error
 * path): the status's title and a fixed sentence saying what kind of refusal it is. Nothing of the
 * request is echoed (not its path, a parameter, nor an exception message) and there is no stack
 * trace, so a hostile path cannot be reflected back to a client.
 */
final class ContainerProblems {

    static final String TYPE = "about:blank";

    private ContainerProblems() {}

    /** The title of a status: its reason phrase ({@code Bad Request}), or {@code Error}. */
    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** What a refusal with this status means, in a sentence that names nothing of the request. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request cannot be read: its path, query, headers or body are malformed or not allowed.";
            case 401 -> "This call needs a valid bearer token.";
            case 403 -> "This call is not allowed.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take this method.";
            case 406 -> "No answer can be given in a media type the request accepts.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request address is too long.";
            case 415 -> "The request body's media type is not supported here.";
            case 431 -> "The request headers are too large.";
            default ->
                status >= 500
                        ? "The service could not answer this request; try again shortly."
                        : "The request was refused.";
        };
    }

    /** The problem detail of a refusal with this status. */
    static ProblemDetail problem(int status) {
        return ServletProblems.of(status, title(status), detail(status));
    }
}
