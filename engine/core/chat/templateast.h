#pragma once

#include "chat/templatevalue.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace llmos {

// The parsed form of a chat template: expressions and statements, kept deliberately
// uniform (a kind, an operator or name, children) so the evaluator is one switch.
struct TemplateExpr {
    enum class Kind {
        Literal,     // value
        Name,        // name
        List,        // children = items
        Tuple,       // children = items
        Dict,        // children = key, value, key, value...
        Member,      // children[0].name
        Index,       // children[0][children[1]]
        Slice,       // children[0][children[1]:children[2]:children[3]], each may be null
        Call,        // children[0](children[1..], keywords)
        Filter,      // children[0] | name(children[1..], keywords)
        Test,        // children[0] is [not] name(children[1..])
        Unary,       // name = "not", "-", "+"; children[0]
        Binary,      // name = operator; children[0], children[1]
        Conditional, // children[0] if children[1] else children[2] (may be null)
    };
    Kind kind;
    std::size_t offset = 0;
    std::string name;
    TemplateValue value;
    bool negated = false;
    int height = 1; // longest path to a leaf: bounds the evaluator's recursion
    std::vector<std::unique_ptr<TemplateExpr>> children;
    std::vector<std::pair<std::string, std::unique_ptr<TemplateExpr>>> keywords;
};

using TemplateExprPtr = std::unique_ptr<TemplateExpr>;

struct TemplateNode;
using TemplateBody = std::vector<std::unique_ptr<TemplateNode>>;

struct TemplateNode {
    enum class Kind {
        Text,     // text
        Output,   // {{ expr }}
        If,       // conditions[i] -> bodies[i]; a final body without condition is the else
        For,      // for targets in expr [if filter]: bodies[0] [else bodies[1]]
        Set,      // set targets = expr | set target.attribute = expr | set target %}bodies[0]{% endset
        Macro,    // macro name(parameters = defaults): bodies[0]
        Break,
        Continue,
    };
    Kind kind;
    std::size_t offset = 0;
    std::string text;                       // Text; Macro name; Set attribute (for ns.attr)
    TemplateExprPtr expr;                   // Output, For iterable, Set value
    TemplateExprPtr filter;                 // For `if` filter
    std::vector<std::string> targets;       // For / Set names; Macro parameter names
    std::vector<TemplateExprPtr> conditions; // If; Macro defaults (null where none)
    std::vector<TemplateBody> bodies;
    bool usesLoop = false; // For: whether the body mentions `loop`, so others skip building it
};

} // namespace llmos
