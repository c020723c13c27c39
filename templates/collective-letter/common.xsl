<?xml version="1.0" encoding="UTF-8"?>
<!-- What the HTML and the XSL-FO of a TSB collective letter share: the string
     catalog, the document's name, the numbering and names of annexes, the rows of the
     table of deadlines, the place and date. Included by html.xsl and fo.xsl. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:circgen:collective-letter"
                xmlns:s="urn:circgen:strings"
                exclude-result-prefixes="c s">

  <xsl:include href="../common/l10n.xsl"/>
  <xsl:include href="../common/inline.xsl"/>
  <xsl:include href="../common/block.xsl"/>

  <xsl:variable name="lang" select="/c:collective-letter/@xml:lang"/>
  <xsl:variable name="strings" select="document(concat('strings/', $lang, '.xml'))/s:strings"/>
  <xsl:variable name="out-lang">
    <xsl:call-template name="output-lang"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
  </xsl:variable>

  <!-- "TSB Collective letter 3/17": the Ref field, the running header, the title. -->
  <xsl:variable name="doc-name">
    <xsl:call-template name="str-text">
      <xsl:with-param name="key" select="'doc-name'"/>
      <xsl:with-param name="args">
        <a n="number"><xsl:value-of select="/c:collective-letter/@number"/></a>
        <a n="sg"><xsl:value-of select="/c:collective-letter/@study-group"/></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template match="c:annex-ref" mode="inline">
    <xsl:variable name="id" select="@ref"/>
    <xsl:call-template name="annex-name">
      <xsl:with-param name="annex" select="/c:collective-letter/c:annex[@id = $id]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="annex-number">
    <xsl:param name="annex" select="."/>
    <xsl:value-of select="count($annex/preceding-sibling::c:annex) + 1"/>
  </xsl:template>

  <!-- "Annex 2" -->
  <xsl:template name="annex-name">
    <xsl:param name="annex" select="."/>
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'annex-name'"/>
      <xsl:with-param name="args">
        <a n="n"><xsl:call-template name="annex-number"><xsl:with-param name="annex" select="$annex"/></xsl:call-template></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "Annex 1 (to TSB Collective letter 3/17)": args n, name (the document's name),
       number and sg (for languages that decline the name). -->
  <xsl:template name="annex-heading">
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'annex-heading'"/>
      <xsl:with-param name="args">
        <a n="n"><xsl:call-template name="annex-number"/></a>
        <a n="name"><xsl:value-of select="$doc-name"/></a>
        <a n="number"><xsl:value-of select="/c:collective-letter/@number"/></a>
        <a n="sg"><xsl:value-of select="/c:collective-letter/@study-group"/></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The when of a deadline: a day, or a day and time with its zone. -->
  <xsl:template name="due-when">
    <xsl:choose>
      <xsl:when test="@at">
        <xsl:call-template name="format-deadline"><xsl:with-param name="at" select="@at"/><xsl:with-param name="zone" select="@zone"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="format-date"><xsl:with-param name="iso" select="@date"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The what of a deadline: the strings' wording of its kind, or its own text. -->
  <xsl:template name="due-what">
    <xsl:choose>
      <xsl:when test="@what = 'other'"><xsl:apply-templates mode="inline"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="str"><xsl:with-param name="key" select="concat('due-', @what)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The caption of the table of deadlines: its own, or the strings' one. -->
  <xsl:template name="deadlines-caption">
    <xsl:choose>
      <xsl:when test="c:caption"><xsl:apply-templates select="c:caption/node()" mode="inline"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="str"><xsl:with-param name="key" select="'deadlines-caption'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The document's keywords: the study group. -->
  <xsl:template name="keywords">
    <xsl:call-template name="str-text">
      <xsl:with-param name="key" select="'keywords'"/>
      <xsl:with-param name="args"><a n="sg"><xsl:value-of select="/c:collective-letter/@study-group"/></a></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="place-date">
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'place-date'"/>
      <xsl:with-param name="args">
        <a n="place"><xsl:value-of select="/c:collective-letter/c:place"/></a>
        <a n="date"><xsl:call-template name="format-date"><xsl:with-param name="iso" select="/c:collective-letter/@date"/></xsl:call-template></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
