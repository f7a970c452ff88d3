package org.clinicops.platform.fhir;

import java.util.List;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The page a search asks for: {@code _count} results (default {@value #DEFAULT_COUNT}, at most
 * {@value #MAX_COUNT}; a larger count is cut to the most, as FHIR lets a server do) on page {@code
 * _page} (from 1). The links of the answer ({@link FhirBundles#searchSet}) name both.
 *
 * @param count results per page
 * @param page the page, from 1
 */
public record FhirPage(int count, int page) {

    public static final int DEFAULT_COUNT = 20;
    public static final int MAX_COUNT = 100;
    /** The highest page a link may name: deep pages of a search are not worth their skip. */
    public static final int MAX_PAGE = 10_000;

    public FhirPage {
        if (count < 1 || count > MAX_COUNT || page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("count 1.." + MAX_COUNT + " and page 1.." + MAX_PAGE);
        }
    }

    /**
     * The page from the search parameters.
     *
     * @throws InvalidRequestException (400) for a count below 1 or a page outside 1..{@value #MAX_PAGE}
     */
    public static FhirPage of(@Nullable Integer count, @Nullable Integer page) {
        int size = count == null ? DEFAULT_COUNT : count;
        if (size < 1) {
            throw new InvalidRequestException("_count", "must be at least 1");
        }
        int number = page == null ? 1 : page;
        if (number < 1 || number > MAX_PAGE) {
            throw new InvalidRequestException("_page", "must be between 1 and " + MAX_PAGE);
        }
        return new FhirPage(Math.min(size, MAX_COUNT), number);
    }

    /** The platform's page request (numbered from 0) for the application layer. */
    public PageRequest toPageRequest() {
        return PageRequest.of(page - 1, count);
    }

    /** This page's part of a result held in memory (in its order); empty past its end. */
    public <T> List<T> of(List<T> all) {
        return all.stream().skip((long) (page - 1) * count).limit(count).toList();
    }
}
