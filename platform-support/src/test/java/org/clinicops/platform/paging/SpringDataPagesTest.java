package org.clinicops.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;

/** The application's paging and Spring Data's say the same page, both ways. */
class SpringDataPagesTest {

    @Test
    void aRequestedPageKeepsItsNumberSizeAndOrderThroughTheApplication() {
        Pageable asked = org.springframework.data.domain.PageRequest.of(
                2, 25, Sort.by(Sort.Order.desc("urgent"), Sort.Order.asc("requestedAt")));

        PageRequest page = SpringDataPages.fromPageable(asked);

        assertThat(page)
                .isEqualTo(new PageRequest(2, 25, List.of(SortOrder.desc("urgent"), SortOrder.asc("requestedAt"))));
        assertThat(page.offset()).isEqualTo(50);
        assertThat(SpringDataPages.toPageable(page)).isEqualTo(asked);
    }

    @Test
    void anUnsortedPageTakesTheReadersDefaultOrder() {
        PageRequest unsorted = SpringDataPages.fromPageable(org.springframework.data.domain.PageRequest.of(0, 20));

        assertThat(unsorted.sorted()).isFalse();
        assertThat(unsorted.sortedOr(List.of(SortOrder.asc("requestedAt"))).sort())
                .containsExactly(SortOrder.asc("requestedAt"));
        PageRequest sorted = new PageRequest(0, 20, List.of(SortOrder.desc("siteId")));
        assertThat(sorted.sortedOr(List.of(SortOrder.asc("requestedAt")))).isSameAs(sorted);
    }

    @Test
    void theApiAnswersThePageWithItsTotals() {
        Page<String> page = new Page<>(List.of("a", "b"), PageRequest.of(1, 2), 5);

        PagedModel<Integer> model = SpringDataPages.toPagedModel(page.map(String::length));

        assertThat(model.getContent()).containsExactly(1, 1);
        assertThat(model.getMetadata()).isEqualTo(new PagedModel.PageMetadata(2, 1, 5, 3));
    }

    @Test
    void refusesANegativePageOrAnEmptySize() {
        assertThatThrownBy(() -> PageRequest.of(-1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
