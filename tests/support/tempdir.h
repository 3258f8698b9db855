#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace llmos::test {

// A fresh folder under $TMPDIR, removed with everything in it when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const std::string &path() const { return m_path; }
    // path() + "/" + name
    std::string file(std::string_view name) const;
    // Writes bytes to path()/name (creating folders) and returns the full path.
    std::string write(std::string_view name, std::string_view bytes) const;
    std::string write(std::string_view name, const std::vector<std::uint8_t> &bytes) const;

private:
    std::string m_path;
};

std::string readFile(const std::string &path);

} // namespace llmos::test
