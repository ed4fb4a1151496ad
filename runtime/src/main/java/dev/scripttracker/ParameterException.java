package dev.scripttracker;

import java.util.List;
import java.util.stream.Collectors;

/** Parameters that do not fit a script's declaration; thrown before the script's run writes anything. */
public class ParameterException extends ConfigurationException {

    private final List<ParameterProblem> problems;

    public ParameterException(List<ParameterProblem> problems) {
        super(problems.stream().map(ParameterProblem::message).collect(Collectors.joining("; "))
                + ". Nothing was run or recorded.");
        this.problems = List.copyOf(problems);
    }

    public List<ParameterProblem> problems() {
        return problems;
    }
}
