package org.kefu.crm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentIdNumberTest {

    @Test
    void acceptsNumbersWhoseCheckDigitMatches() {
        // The standard's own example (GB 11643-1999, appendix) and the demo customers.
        assertThat(ResidentIdNumber.problem("11010519491231002X")).isNull();
        assertThat(ResidentIdNumber.problem("440101198001010017")).isNull();
        assertThat(ResidentIdNumber.problem("440101198502020029")).isNull();
        assertThat(ResidentIdNumber.problem("440101199003030032")).isNull();
    }

    @Test
    void aLowerCaseXAndSpacesAreNormalizedNotRefused() {
        assertThat(ResidentIdNumber.normalize(" 110105 19491231 002x")).isEqualTo("11010519491231002X");
        assertThat(ResidentIdNumber.isValid("11010519491231002x")).isTrue();
    }

    @Test
    void aWrongCheckDigitIsACheckSumProblem() {
        assertThat(ResidentIdNumber.problem("440101198001010011")).isEqualTo("idNumber.checksum");
        assertThat(ResidentIdNumber.problem("110105194912310021")).isEqualTo("idNumber.checksum");
    }

    @Test
    void everyCheckCharacterIsComputedByMod112() {
        // 17 digits whose weighted sum gives each remainder: the check character table 1 0 X 9 8 7 6 5 4 3 2.
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkCharacter("44010119800101001")).isEqualTo('7');
    }

    @Test
    void wrongLengthLettersOrLeadingZeroAreFormatProblems() {
        assertThat(ResidentIdNumber.problem("44010119800101001")).isEqualTo("idNumber.format");
        assertThat(ResidentIdNumber.problem("4401011980010100177")).isEqualTo("idNumber.format");
        assertThat(ResidentIdNumber.problem("44010119800101A017")).isEqualTo("idNumber.format");
        assertThat(ResidentIdNumber.problem("040101198001010017")).isEqualTo("idNumber.format");
        assertThat(ResidentIdNumber.problem(null)).isEqualTo("idNumber.format");
    }

    @Test
    void anImpossibleBirthDateIsRefusedEvenWithARightCheckDigit() {
        String feb30 = "44010119800230001";
        assertThat(ResidentIdNumber.problem(feb30 + ResidentIdNumber.checkCharacter(feb30))).isEqualTo("idNumber.birthDate");
        String month13 = "44010119801301001";
        assertThat(ResidentIdNumber.problem(month13 + ResidentIdNumber.checkCharacter(month13))).isEqualTo("idNumber.birthDate");
    }
}
