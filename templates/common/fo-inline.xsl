<?xml version="1.0" encoding="UTF-8"?>
<!-- Inline markup with PDF meaning (links, emphasis), for every document type. The
     including stylesheet defines $accent (link colour), $heading-font (bold face) and
     $italic-ok (no italic in Chinese or Arabic, common/l10n.xsl). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <xsl:template name="line-break"><fo:block/></xsl:template>

  <!-- An identifier (X.1062, X.gdsml, SG17-R6, ISO/IEC 27002, a telephone number): never
       hyphenated, whatever the language's patterns make of its letters. -->
  <xsl:template name="identifier">
    <xsl:param name="v"/>
    <xsl:param name="join" select="false()"/>
    <xsl:choose>
      <!-- In right-to-left text, a left-to-right embedding when the identifier belongs
           with the Latin text before it ("ITU-T" and a Recommendation number: an
           isolate would be a neutral between them and part them), else a left-to-right
           isolate (U+2066...U+2069 in effect): "+41 22 730 6206", "4/17", "SG17-R6"
           keep their order whatever surrounds them. -->
      <xsl:when test="$dir = 'rtl' and $join">
        <fo:inline direction="ltr" unicode-bidi="embed"><xsl:value-of select="$v"/></fo:inline>
      </xsl:when>
      <xsl:when test="$dir = 'rtl'">
        <fo:inline direction="ltr" unicode-bidi="isolate"><xsl:value-of select="$v"/></fo:inline>
      </xsl:when>
      <xsl:when test="contains($hyphenated-langs, concat('|', $lang, '|'))">
        <fo:inline hyphenate="false"><xsl:value-of select="$v"/></fo:inline>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link whose text is an address (e-mail, web): isolated left to right in
       right-to-left text. -->
  <xsl:template name="ltr-link">
    <xsl:param name="href"/>
    <xsl:variable name="link">
      <fo:basic-link external-destination="url('{$href}')" color="{$accent}" hyphenate="false"><xsl:value-of select="."/></fo:basic-link>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$dir = 'rtl'"><fo:inline direction="ltr" unicode-bidi="isolate"><xsl:copy-of select="$link"/></fo:inline></xsl:when>
      <xsl:otherwise><xsl:copy-of select="$link"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The languages whose documents are hyphenated (Debian's hyphen-fr, hyphen-es,
       hyphen-ru); never Chinese or Arabic. -->
  <xsl:variable name="hyphenated-langs" select="'|fr|es|ru|'"/>

  <xsl:template match="*[local-name() = 'email']" mode="inline">
    <xsl:call-template name="ltr-link"><xsl:with-param name="href" select="concat('mailto:', .)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="*[local-name() = 'url']" mode="inline">
    <xsl:variable name="href"><xsl:call-template name="url-href"/></xsl:variable>
    <xsl:call-template name="ltr-link"><xsl:with-param name="href" select="$href"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="*[local-name() = 'link']" mode="inline">
    <fo:basic-link external-destination="url('{@href}')" color="{$accent}"><xsl:apply-templates mode="inline"/></fo:basic-link>
  </xsl:template>

  <xsl:template match="*[local-name() = 'b']" mode="inline">
    <fo:inline font-weight="bold" font-family="{$heading-font}"><xsl:apply-templates mode="inline"/></fo:inline>
  </xsl:template>

  <xsl:template match="*[local-name() = 'i']" mode="inline">
    <fo:inline>
      <xsl:if test="$italic-ok"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
      <xsl:apply-templates mode="inline"/>
    </fo:inline>
  </xsl:template>
</xsl:stylesheet>
