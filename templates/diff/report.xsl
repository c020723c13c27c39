<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML report of `circgen diff format=html`: the XML report (report.rng) as a
     side-by-side page for translators and editors. Self-contained: the CSS is in
     the page, nothing is loaded. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:circgen:diff"
                exclude-result-prefixes="d">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="a" select="/d:diff/d:version[@side='a']"/>
  <xsl:variable name="b" select="/d:diff/d:version[@side='b']"/>
  <xsl:variable name="revision" select="/d:diff/@mode = 'revision'"/>

  <xsl:template name="file-name">
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="contains($path, '/')">
        <xsl:call-template name="file-name">
          <xsl:with-param name="path" select="substring-after($path, '/')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$path"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="side-label">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$revision and $v/@side = 'a'">old</xsl:when>
      <xsl:when test="$revision">new</xsl:when>
      <xsl:otherwise><xsl:value-of select="$v/@lang"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="file-name"><xsl:with-param name="path" select="$v/@file"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="/d:diff">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="circgen diff"/>
        <title>
          <xsl:choose>
            <xsl:when test="$revision">Revision</xsl:when>
            <xsl:otherwise>Translation check</xsl:otherwise>
          </xsl:choose>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="file-name"><xsl:with-param name="path" select="$a/@file"/></xsl:call-template>
          <xsl:text> / </xsl:text>
          <xsl:call-template name="file-name"><xsl:with-param name="path" select="$b/@file"/></xsl:call-template>
        </title>
        <style>
:root { --del: #ffd7d5; --del-ink: #82071e; --ins: #d1f8d9; --ins-ink: #055d20;
        --mark: #fff1a8; --line: #d0d7de; --muted: #57606a; --head: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 "Liberation Serif", "Noto Serif CJK SC", serif; color: #1f2328; }
header { padding: 1rem 1.5rem; border-bottom: 1px solid var(--line); background: var(--head); }
header h1 { margin: 0 0 .3rem; font: 600 1.3rem/1.3 "Liberation Sans", "Noto Sans CJK SC", sans-serif; }
header p { margin: .2rem 0; }
.files code { font-size: .95em; }
.counts { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.counts li, .kind { font: 600 .75rem/1.6 "Liberation Sans", sans-serif; text-transform: uppercase;
        letter-spacing: .03em; border-radius: 999px; padding: 0 .55rem; background: #eaeef2; }
main { padding: .5rem 1.5rem 2rem; }
.none { font-size: 1.1rem; color: var(--ins-ink); }
section.entry { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; overflow: hidden; }
section.entry h2 { margin: 0; padding: .45rem .8rem; background: var(--head); border-bottom: 1px solid var(--line);
        font: 400 .95rem/1.4 "Liberation Sans", "Noto Sans CJK SC", sans-serif; display: flex; gap: .8rem; flex-wrap: wrap; }
section.entry h2 code { font-weight: 700; }
.place { color: #0a3069; }
.lines { color: var(--muted); margin-left: auto; font-size: .85em; }
.status-missing h2, .status-removed h2 { background: var(--del); }
.status-extra h2, .status-added h2 { background: var(--ins); }
ul.findings { margin: 0; padding: .5rem .8rem; list-style: none; border-bottom: 1px solid var(--line); }
ul.findings li { margin: .15rem 0; }
.kind { margin-right: .5rem; background: #fff8c5; }
.k-missing .kind, .k-empty .kind, .k-untranslated .kind { background: var(--del); color: var(--del-ink); }
.k-extra .kind { background: var(--ins); color: var(--ins-ink); }
.sides { display: grid; grid-template-columns: 1fr 1fr; }
.side { padding: .5rem .8rem; min-width: 0; }
.side + .side { border-left: 1px solid var(--line); }
.side .label { font: 600 .75rem/1.4 "Liberation Sans", sans-serif; color: var(--muted); text-transform: uppercase; }
.side p { margin: .2rem 0 0; overflow-wrap: anywhere; }
.side p.absent { color: var(--muted); font-style: italic; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: none; }
mark { background: var(--mark); outline: 1px solid #d4a72c; border-radius: 2px; }
.data { color: #0550ae; }
:lang(zh) { font-family: "Noto Serif CJK SC", serif; }
@media (max-width: 700px) { .sides { grid-template-columns: 1fr; } .side + .side { border-left: 0; border-top: 1px solid var(--line); } }
        </style>
      </head>
      <body>
        <header>
          <h1>
            <xsl:choose>
              <xsl:when test="$revision">Revision</xsl:when>
              <xsl:otherwise>Translation check</xsl:otherwise>
            </xsl:choose>
          </h1>
          <p class="files">
            <xsl:choose>
              <xsl:when test="$revision">old </xsl:when>
              <xsl:otherwise>a </xsl:otherwise>
            </xsl:choose>
            <code><xsl:value-of select="$a/@file"/></code>
            <xsl:if test="not($revision)"> (<xsl:value-of select="$a/@lang"/>)</xsl:if>
            <xsl:text>, </xsl:text>
            <xsl:value-of select="$a/@units"/> units;
            <xsl:choose>
              <xsl:when test="$revision">new </xsl:when>
              <xsl:otherwise>b </xsl:otherwise>
            </xsl:choose>
            <code><xsl:value-of select="$b/@file"/></code>
            <xsl:if test="not($revision)"> (<xsl:value-of select="$b/@lang"/>)</xsl:if>
            <xsl:text>, </xsl:text>
            <xsl:value-of select="$b/@units"/> units.
          </p>
          <p>
            <strong><xsl:value-of select="@findings"/></strong>
            <xsl:text> finding</xsl:text><xsl:if test="@findings != 1">s</xsl:if>
            <xsl:text> in </xsl:text>
            <xsl:value-of select="@places"/>
            <xsl:text> place</xsl:text><xsl:if test="@places != 1">s</xsl:if>.
          </p>
          <xsl:if test="d:count">
            <ul class="counts">
              <xsl:for-each select="d:count">
                <li><xsl:value-of select="@kind"/>: <xsl:value-of select="@findings"/></li>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </header>
        <main>
          <xsl:if test="not(d:entry)">
            <p class="none">No findings: the two versions agree.</p>
          </xsl:if>
          <xsl:apply-templates select="d:entry"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="d:entry">
    <section class="entry status-{@status}">
      <xsl:if test="@id"><xsl:attribute name="id">u-<xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <h2>
        <xsl:if test="@id"><code><xsl:value-of select="@id"/></code></xsl:if>
        <span class="place"><xsl:value-of select="@place"/></span>
        <span class="lines">
          <xsl:if test="@line-a">
            <xsl:call-template name="file-name"><xsl:with-param name="path" select="$a/@file"/></xsl:call-template>
            <xsl:text>:</xsl:text><xsl:value-of select="@line-a"/>
          </xsl:if>
          <xsl:if test="@line-a and @line-b"> · </xsl:if>
          <xsl:if test="@line-b">
            <xsl:call-template name="file-name"><xsl:with-param name="path" select="$b/@file"/></xsl:call-template>
            <xsl:text>:</xsl:text><xsl:value-of select="@line-b"/>
          </xsl:if>
        </span>
      </h2>
      <ul class="findings">
        <xsl:for-each select="d:finding">
          <li class="k-{@kind}"><span class="kind"><xsl:value-of select="@kind"/></span><xsl:value-of select="."/></li>
        </xsl:for-each>
      </ul>
      <xsl:if test="d:text">
        <div class="sides">
          <xsl:call-template name="side">
            <xsl:with-param name="v" select="$a"/>
            <xsl:with-param name="t" select="d:text[@side='a']"/>
          </xsl:call-template>
          <xsl:call-template name="side">
            <xsl:with-param name="v" select="$b"/>
            <xsl:with-param name="t" select="d:text[@side='b']"/>
          </xsl:call-template>
        </div>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="side">
    <xsl:param name="v"/>
    <xsl:param name="t"/>
    <div class="side {$v/@side}">
      <xsl:if test="$v/@lang != ''"><xsl:attribute name="lang"><xsl:value-of select="$v/@lang"/></xsl:attribute></xsl:if>
      <div class="label" lang="en"><xsl:call-template name="side-label"><xsl:with-param name="v" select="$v"/></xsl:call-template></div>
      <xsl:choose>
        <xsl:when test="$t"><p><xsl:apply-templates select="$t/node()"/></p></xsl:when>
        <xsl:otherwise><p class="absent" lang="en">(not in this version)</p></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <xsl:template match="d:del"><del><xsl:value-of select="."/></del></xsl:template>
  <xsl:template match="d:ins"><ins><xsl:value-of select="."/></ins></xsl:template>
  <xsl:template match="d:mark"><mark><xsl:value-of select="."/></mark></xsl:template>
  <xsl:template match="d:data"><span class="data"><xsl:value-of select="."/></span></xsl:template>
</xsl:stylesheet>
