package org.kefu.tickets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarTextTest {

    @Test
    void theSameComplaintInOtherWordsIsAlikeAnotherIsNot() {
        assertThat(SimilarText.alike("小区停电 楼下配电箱冒烟", "小区停电了，楼下配电箱在冒烟")).isTrue();
        assertThat(SimilarText.alike("小区停电 楼下配电箱冒烟", "电费账单金额有误")).isFalse();
        assertThat(SimilarText.alike("Power cut in building 3", "power cut, building 3!")).isTrue();
        assertThat(SimilarText.alike("Power cut in building 3", "Water bill too high")).isFalse();
    }

    @Test
    void widthCasePunctuationAndSpacesAreSetAside() {
        assertThat(SimilarText.similarity("３号楼停电！", "3号楼 停电")).isEqualTo(1.0);
        assertThat(SimilarText.similarity("ABC", "abc")).isEqualTo(1.0);
        assertThat(SimilarText.similarity("", "")).isEqualTo(0.0);
        assertThat(SimilarText.similarity(null, "停电")).isEqualTo(0.0);
        assertThat(SimilarText.similarity("电", "电")).isEqualTo(1.0);
    }
}
