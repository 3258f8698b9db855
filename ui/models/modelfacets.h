#pragma once

#include <QStringList>

namespace llmos {

// What the filter bar offers to choose from: the families and tags in the registry.
struct ModelFacets {
    QStringList families;
    QStringList tags;
};

} // namespace llmos
