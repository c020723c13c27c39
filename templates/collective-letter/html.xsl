<?xml version="1.0" encoding="UTF-8"?>
<!-- A TSB collective letter as an HTML5 page, for the web team: the letter form of
     every TSB letter (common/html-letter.xsl), the shared block markup
     (common/html-block.xsl) with the table of deadlines, the annexes. The same words
     in the same order as the PDF. circgen passes $css, the text of html.css. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:circgen:collective-letter"
                xmlns:s="urn:circgen:strings"
                exclude-result-prefixes="c s">

  <xsl:include href="common.xsl"/>
  <xsl:include href="../common/html-inline.xsl"/>
  <xsl:include href="../common/html-block.xsl"/>
  <xsl:include href="../common/html-letter.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:param name="css" select="''"/>

  <xsl:template match="/c:collective-letter">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$out-lang}" dir="{$dir}">
      <head>
        <!-- libxslt's HTML output adds the charset declaration itself. -->
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$doc-name"/></title>
        <meta name="description">
          <xsl:attribute name="content"><xsl:apply-templates select="c:subject" mode="text"/></xsl:attribute>
        </meta>
        <meta name="keywords">
          <xsl:attribute name="content">
            <xsl:call-template name="keywords"/>
          </xsl:attribute>
        </meta>
        <style><xsl:value-of select="$css" disable-output-escaping="yes"/></style>
      </head>
      <body class="lang-{$lang}">
        <article class="letter">
          <xsl:call-template name="letter-head"/>
          <p class="salutation"><xsl:call-template name="str"><xsl:with-param name="key" select="'salutation'"/></xsl:call-template></p>
          <xsl:apply-templates select="c:letter/*" mode="block"/>
          <xsl:call-template name="letter-close"/>
          <xsl:call-template name="footnotes"><xsl:with-param name="part" select="c:letter"/></xsl:call-template>
        </article>
        <xsl:apply-templates select="c:annex"/>
        <xsl:call-template name="letter-footer"/>
      </body>
    </html>
  </xsl:template>

  <!-- The table of deadlines, rows by date. -->
  <xsl:template match="c:deadlines" mode="block">
    <table class="grid deadlines">
      <caption>
        <xsl:if test="c:caption"><xsl:attribute name="id"><xsl:value-of select="c:caption/@id"/></xsl:attribute></xsl:if>
        <xsl:call-template name="deadlines-caption"/>
      </caption>
      <colgroup><col style="width: 28.6%"/><col style="width: 71.4%"/></colgroup>
      <thead>
        <tr data-repeated="page-top">
          <th scope="col"><xsl:call-template name="str"><xsl:with-param name="key" select="'due-when-head'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="str"><xsl:with-param name="key" select="'due-what-head'"/></xsl:call-template></th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="c:due">
          <xsl:sort select="translate(substring(concat(@date, @at), 1, 10), '-', '')" data-type="number"/>
          <xsl:sort select="translate(substring(@at, 12, 5), ':', '')" data-type="number"/>
          <tr class="due-{@what}">
            <th scope="row">
              <time datetime="{concat(@date, @at)}"><xsl:call-template name="due-when"/></time>
            </th>
            <td>
              <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
              <xsl:call-template name="due-what"/>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="c:annex">
    <section class="annex general" id="{@id}">
      <h1 class="annex-heading"><xsl:call-template name="annex-heading"/></h1>
      <xsl:for-each select="c:title">
        <h2 class="annex-title" id="{@id}"><xsl:apply-templates mode="inline"/></h2>
      </xsl:for-each>
      <xsl:apply-templates select="*[not(self::c:title)]" mode="block"/>
      <xsl:call-template name="footnotes"/>
    </section>
  </xsl:template>
</xsl:stylesheet>
