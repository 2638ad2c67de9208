package org.kefu.acd;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** A person who takes calls, known by job number (工号), with a home extension and skills. */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    @Column(name = "job_number", length = 32)
    private String jobNumber;

    @Column(name = "extension", length = 32)
    private String extension;

    @Column(name = "follow_me_number", length = 32)
    private String followMeNumber;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_skill", joinColumns = @JoinColumn(name = "job_number"))
    private List<SkillLevel> skills = new ArrayList<>();

    protected Agent() {
    }

    public String getJobNumber() {
        return jobNumber;
    }

    public String getExtension() {
        return extension;
    }

    public String getFollowMeNumber() {
        return followMeNumber;
    }

    /** Binds (or, with null, unbinds) the agent's follow-me number. */
    public void setFollowMeNumber(String followMeNumber) {
        this.followMeNumber = followMeNumber;
    }

    public List<SkillLevel> getSkills() {
        return List.copyOf(skills);
    }

    /** Skill code → level, as the router takes them. */
    public Map<String, Integer> skillLevels() {
        Map<String, Integer> levels = new HashMap<>();
        for (SkillLevel s : skills) {
            levels.put(s.getSkill(), s.getLevel());
        }
        return levels;
    }

    public OptionalInt levelOf(String skill) {
        return skills.stream().filter(s -> s.getSkill().equals(skill)).mapToInt(SkillLevel::getLevel).findFirst();
    }
}
