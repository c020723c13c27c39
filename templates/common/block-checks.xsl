<?xml version="1.0" encoding="UTF-8"?>
<!-- The checks of the shared block and inline markup (common/block.rng,
     common/inline.rng) that a schema cannot express, for every document type. A type's
     checks.xsl includes this file and applies, inside its <diagnostics>:
       <xsl:call-template name="block-checks"/>
     Elements are matched by local name (each type has its own namespace). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:cg="urn:circgen:xslt"
                extension-element-prefixes="cg"
                exclude-result-prefixes="cg">

  <xsl:key name="block-id" match="*[@id]" use="@id"/>
  <xsl:key name="footnote-call" match="*[local-name() = 'footnote-ref']" use="@ref"/>

  <xsl:template name="block-checks">
    <xsl:apply-templates select="//*[local-name() = 'footnote-ref']" mode="block-check"/>
    <xsl:apply-templates select="//*[local-name() = 'footnote']" mode="block-check"/>
    <xsl:apply-templates select="//*[local-name() = 'time-range']" mode="block-check"/>
    <xsl:apply-templates select="//*[local-name() = 'table']" mode="block-check"/>
    <xsl:apply-templates select="//*[local-name() = 'list'][@start][not(@type = 'number' or @type = 'letter')]" mode="block-check"/>
  </xsl:template>

  <xsl:template match="*" mode="block-check"/>

  <xsl:template match="*[local-name() = 'footnote-ref']" mode="block-check">
    <xsl:variable name="target" select="key('block-id', @ref)"/>
    <xsl:if test="$target and local-name($target[1]) != 'footnote'">
      <error at="{cg:locate(.)}">&lt;footnote-ref ref="<xsl:value-of select="@ref"/>"&gt; points to a &lt;<xsl:value-of select="local-name($target[1])"/>&gt;, not to a footnote</error>
    </xsl:if>
    <xsl:if test="ancestor::*[local-name() = 'footnote']">
      <error at="{cg:locate(.)}">&lt;footnote-ref ref="<xsl:value-of select="@ref"/>"&gt; inside a footnote: a footnote cannot call another</error>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*[local-name() = 'footnote']" mode="block-check">
    <xsl:variable name="calls" select="count(key('footnote-call', @id))"/>
    <xsl:if test="$calls = 0">
      <error at="{cg:locate(.)}">&lt;footnote id="<xsl:value-of select="@id"/>"&gt; is never called: put &lt;footnote-ref ref="<xsl:value-of select="@id"/>"/&gt; in the text it annotates</error>
    </xsl:if>
    <xsl:if test="$calls &gt; 1">
      <error at="{cg:locate(key('footnote-call', @id)[2])}">&lt;footnote id="<xsl:value-of select="@id"/>"&gt; is called <xsl:value-of select="$calls"/> times: a footnote is called once</error>
    </xsl:if>
  </xsl:template>

  <!-- hh:mm compare as numbers once the colon is gone. -->
  <xsl:template match="*[local-name() = 'time-range']" mode="block-check">
    <xsl:if test="number(translate(@from, ':', '')) &gt;= number(translate(@to, ':', ''))">
      <error at="{cg:locate(.)}">&lt;time-range from="<xsl:value-of select="@from"/>" to="<xsl:value-of select="@to"/>"&gt;: the range ends before it starts</error>
    </xsl:if>
  </xsl:template>

  <!-- Every row fills the table's columns exactly (cells, spans, and the cells of
       rows above that span into it); with col elements, their number is the width. -->
  <xsl:template match="*[local-name() = 'table']" mode="block-check">
    <xsl:variable name="rows" select="*[local-name() = 'head']/*[local-name() = 'row'] | *[local-name() = 'row']"/>
    <xsl:variable name="ncols">
      <xsl:choose>
        <xsl:when test="*[local-name() = 'col']"><xsl:value-of select="count(*[local-name() = 'col'])"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="row-width"><xsl:with-param name="row" select="$rows[1]"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="$rows">
      <xsl:variable name="w"><xsl:call-template name="row-width"><xsl:with-param name="row" select="."/></xsl:call-template></xsl:variable>
      <xsl:variable name="above">
        <xsl:call-template name="spanned-into"><xsl:with-param name="row" select="."/><xsl:with-param name="rows" select="$rows"/></xsl:call-template>
      </xsl:variable>
      <xsl:if test="number($w) + number($above) != number($ncols)">
        <error at="{cg:locate(.)}">&lt;row&gt; <xsl:value-of select="position()"/> of the table has <xsl:value-of select="number($w) + number($above)"/> column(s) (cells, colspan, and rowspan from above) where the table has <xsl:value-of select="$ncols"/></error>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="row-width">
    <xsl:param name="row"/>
    <xsl:value-of select="count($row/*[not(@colspan)]) + sum($row/*/@colspan)"/>
  </xsl:template>

  <!-- How many columns of this row are taken by cells of rows above it with rowspan. -->
  <xsl:template name="spanned-into">
    <xsl:param name="row"/>
    <xsl:param name="rows"/>
    <xsl:variable name="idx">
      <xsl:for-each select="$rows">
        <xsl:if test="count(. | $row) = 1"><xsl:value-of select="position()"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="n">
      <xsl:for-each select="$rows[position() &lt; number($idx)]/*[@rowspan &gt; 1]">
        <xsl:variable name="ri">
          <xsl:variable name="r" select=".."/>
          <xsl:for-each select="$rows">
            <xsl:if test="count(. | $r) = 1"><xsl:value-of select="position()"/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:if test="number($ri) + number(@rowspan) &gt; number($idx)">
          <xsl:value-of select="substring('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 1, sum(@colspan) + count(self::*[not(@colspan)]))"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="string-length($n)"/>
  </xsl:template>

  <xsl:template match="*[local-name() = 'list']" mode="block-check">
    <error at="{cg:locate(.)}">&lt;list start="<xsl:value-of select="@start"/>"&gt;: start numbers a list of type "number" or "letter" only</error>
  </xsl:template>
</xsl:stylesheet>
