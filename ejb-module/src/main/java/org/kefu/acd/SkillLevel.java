package org.kefu.acd;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How good an agent is at a skill, 1 (novice) to 10 (expert). */
@Embeddable
public class SkillLevel {

    @Column(name = "skill_code", length = 32, nullable = false)
    private String skill;

    @Column(name = "skill_level", nullable = false)
    private int level;

    protected SkillLevel() {
    }

    public SkillLevel(String skill, int level) {
        if (level < 1 || level > 10) {
            throw new IllegalArgumentException("skill level must be 1 to 10, not " + level);
        }
        this.skill = skill;
        this.level = level;
    }

    public String getSkill() {
        return skill;
    }

    public int getLevel() {
        return level;
    }
}
